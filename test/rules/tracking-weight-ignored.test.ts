import { describe, expect, it } from 'vitest';
import { found, lintSnippet, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'tracking-weight-ignored';

const BAD = "vrrp_script chk {\n    script \"/usr/bin/true\"\n    weight 20\n}\nvrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 255\n    track_script {\n        chk\n    }\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n";
const GOOD = "vrrp_script chk {\n    script \"/usr/bin/true\"\n    weight 20\n}\nvrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    track_script {\n        chk\n    }\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n";

describe(RULE, () => {
  it('reports what keepalived 2.2.7 reports, at the line it concerns', () => {
    const ds = found(RULE, BAD);
    expect(ds.map((d) => [d.line, d.text])).toEqual([[10, "chk"]]);
    expect(ds[0].message).toContain("is the address owner");
    expect(ds[0].severity).toBe("error");
  });

  it('does not report the healthy twin', () => {
    expect(where(RULE, GOOD)).toEqual([]);
  });

  it('reports the same through an include', () => {
    const files = memoryFiles({ '/etc/keepalived/conf.d/part.conf': BAD });
    const ds = lintSnippet('include conf.d/*.conf\n', {}, files).filter((d) => d.rule === RULE);
    expect(ds.map((d) => d.path)).toEqual(Array(1).fill('/etc/keepalived/conf.d/part.conf'));
  });

  it('reports weights of instances in a sync group, and the default weight of a track_file', () => {
    const text = [
      'track_file TF_1 {', '    file /run/tf1', '}',
      GOOD.replace('    chk\n', '    chk weight 0\n').replace('priority 100', 'priority 100\n    track_file {\n        TF_1\n    }'),
      'vrrp_sync_group G1 {', '    group {', '        VI_1', '    }', '}',
    ].join('\n');
    const [d, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([d.line, d.text, d.severity]).toEqual([13, 'TF_1', 'warning']);
    expect(d.message).toContain("in vrrp_sync_group 'G1'");
    expect(where(RULE, text.replace('    group {', '    sync_group_tracking_weight\n    group {'))).toEqual([]);
  });
});
