import { describe, expect, it } from 'vitest';
import { found, lintSnippet, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'label-on-ipv6-address';

const BAD = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        2001:db8::100/64 dev eth0 label eth0:1\n    }\n}\n";
const GOOD = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        10.0.0.100/24 dev eth0 label eth0:1\n    }\n}\n";

describe(RULE, () => {
  it('reports what keepalived 2.2.7 reports, at the line it concerns', () => {
    const ds = found(RULE, BAD);
    expect(ds.map((d) => [d.line, d.text])).toEqual([[6, "label"]]);
    expect(ds[0].message).toContain("label eth0:1 on IPv6 address 2001:db8::100/64");
    expect(ds[0].severity).toBe("warning");
  });

  it('does not report the healthy twin', () => {
    expect(where(RULE, GOOD)).toEqual([]);
  });

  it('reports the same through an include', () => {
    const files = memoryFiles({ '/etc/keepalived/conf.d/part.conf': BAD });
    const ds = lintSnippet('include conf.d/*.conf\n', {}, files).filter((d) => d.rule === RULE);
    expect(ds.map((d) => d.path)).toEqual(Array(1).fill('/etc/keepalived/conf.d/part.conf'));
  });
});
