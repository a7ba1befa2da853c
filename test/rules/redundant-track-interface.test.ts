import { describe, expect, it } from 'vitest';
import { found, lintSnippet, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'redundant-track-interface';

const BAD = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    track_interface {\n        eth0\n    }\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n";
const GOOD = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    track_interface {\n        eth1\n    }\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n";

describe(RULE, () => {
  it('reports what keepalived 2.2.7 reports, at the line it concerns', () => {
    const ds = found(RULE, BAD);
    expect(ds.map((d) => [d.line, d.text])).toEqual([[6, "eth0"]]);
    expect(ds[0].message).toContain("since it is the instance's own interface");
    expect(ds[0].severity).toBe("info");
  });

  it('does not report the healthy twin', () => {
    expect(where(RULE, GOOD)).toEqual([]);
  });

  it('reports the same through an include', () => {
    const files = memoryFiles({ '/etc/keepalived/conf.d/part.conf': BAD });
    const ds = lintSnippet('include conf.d/*.conf\n', {}, files).filter((d) => d.rule === RULE);
    expect(ds.map((d) => d.path)).toEqual(Array(1).fill('/etc/keepalived/conf.d/part.conf'));
  });

  it('reports an interface tracked by the instance and its sync group', () => {
    const text = [GOOD, 'vrrp_sync_group G1 {', '    group {', '        VI_1', '    }', '    track_interface {', '        eth1', '    }', '}'].join('\n');
    const [d] = found(RULE, text);
    expect([d.line, d.text]).toEqual([6, 'eth1']);
    expect(d.message).toContain("configured on vrrp_instance 'VI_1'");
  });
});
