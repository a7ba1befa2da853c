import { describe, expect, it } from 'vitest';
import { found, lintSnippet, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'sync-group-membership';

const BAD = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\nvrrp_sync_group G1 {\n    group {\n        VI_1\n    }\n}\n";
const GOOD = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\nvrrp_instance VI_2 {\n    interface eth0\n    virtual_router_id 52\n    priority 100\n    virtual_ipaddress {\n        10.0.0.101/24\n    }\n}\nvrrp_sync_group G1 {\n    group {\n        VI_1\n        VI_2\n    }\n}\n";

describe(RULE, () => {
  it('reports what keepalived 2.2.7 reports, at the line it concerns', () => {
    const ds = found(RULE, BAD);
    expect(ds.map((d) => [d.line, d.text])).toEqual([[9, "G1"]]);
    expect(ds[0].message).toContain("has only one virtual router");
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

  it('reports a sync group without members, and an instance in two groups', () => {
    expect(found(RULE, BAD.replace('        VI_1\n', ''))[0].message).toContain('keepalived removes the sync group');
    const text = [GOOD, 'vrrp_sync_group G2 {', '    group {', '        VI_1', '    }', '}'].join('\n');
    expect(where(RULE, text)).toEqual([[26, 'VI_1']]);
  });
});
