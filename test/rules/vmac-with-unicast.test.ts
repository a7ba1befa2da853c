import { describe, expect, it } from 'vitest';
import { found, lintSnippet, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'vmac-with-unicast';

const BAD = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    use_vmac\n    unicast_src_ip 10.0.0.1\n    unicast_peer {\n        10.0.0.2\n    }\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n";
const GOOD = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    use_vmac\n    vmac_xmit_base\n    unicast_src_ip 10.0.0.1\n    unicast_peer {\n        10.0.0.2\n    }\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n";
const INSTANCE_NO_IF = BAD.replace('    interface eth0\n', '');

describe(RULE, () => {
  it('reports what keepalived 2.2.7 reports, at the line it concerns', () => {
    const ds = found(RULE, BAD);
    expect(ds.map((d) => [d.line, d.text])).toEqual([[5, "use_vmac"]]);
    expect(ds[0].message).toContain("unicast with use_vmac requires vmac_xmit_base");
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

  it('says the VMAC is dropped when a unicast instance has no interface', () => {
    const text = INSTANCE_NO_IF;
    const [d] = found(RULE, text);
    expect([d.line, d.text, d.severity]).toEqual([4, 'use_vmac', 'error']);
    expect(d.message).toContain('keepalived clears use_vmac');
  });

  it('does not report use_vmac in a multicast instance', () => {
    expect(where(RULE, GOOD.replace(/    unicast_src_ip[\s\S]*?10\.0\.0\.2\n    }\n/, ''))).toEqual([]);
  });
});
