import { describe, expect, it } from 'vitest';
import { found, lintSnippet, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'address-family-mismatch';

const BAD = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        10.0.0.100/24\n        2001:db8::100/64\n    }\n}\n";
const GOOD = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n    virtual_ipaddress_excluded {\n        2001:db8::100/64\n    }\n}\n";

describe(RULE, () => {
  it('reports what keepalived 2.2.7 reports, at the line it concerns', () => {
    const ds = found(RULE, BAD);
    expect(ds.map((d) => [d.line, d.text])).toEqual([[7, "2001:db8::100/64"]]);
    expect(ds[0].message).toContain("keepalived ignores it");
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

  it('takes the family from the first address, a unicast_src_ip too', () => {
    const text = BAD.replace('interface eth0', 'interface eth0\n    unicast_src_ip fe80::1');
    expect(where(RULE, text)).toEqual([[7, '10.0.0.100/24']]);
  });

  it('reports a VIP written through a $NAME definition', () => {
    const text = ['$VIP6=2001:db8::100/64', BAD.replace('    2001:db8::100/64', '    $VIP6')].join('\n');
    expect(where(RULE, text)).toEqual([[8, '$VIP6']]);
  });
});
