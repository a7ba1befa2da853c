import { describe, expect, it } from 'vitest';
import { found, lintSnippet, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'vmac-setting-ignored';

const BAD = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    vmac_xmit_base\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n";
const GOOD = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    use_vmac\n    vmac_xmit_base\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n";

describe(RULE, () => {
  it('reports what keepalived 2.2.7 reports, at the line it concerns', () => {
    const ds = found(RULE, BAD);
    expect(ds.map((d) => [d.line, d.text])).toEqual([[5, "vmac_xmit_base"]]);
    expect(ds[0].message).toContain("only valid with use_vmac");
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

  it('reports promote_secondaries with a VMAC and IPv4 use_ipvlan without an address', () => {
    expect(where(RULE, GOOD.replace('vmac_xmit_base', 'promote_secondaries'))).toEqual([[6, 'promote_secondaries']]);
    const [d] = found(RULE, GOOD.replace('    use_vmac\n    vmac_xmit_base\n', '    use_ipvlan\n'));
    expect([d.line, d.text, d.severity]).toEqual([5, 'use_ipvlan', 'error']);
    expect(where(RULE, GOOD.replace('    use_vmac\n    vmac_xmit_base\n', '    use_ipvlan 10.0.0.5/24\n'))).toEqual([]);
  });
});
