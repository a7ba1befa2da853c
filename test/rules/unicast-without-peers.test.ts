import { describe, expect, it } from 'vitest';
import { found, lintSnippet, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'unicast-without-peers';

const BAD = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    unicast_src_ip 10.0.0.1\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n";
const GOOD = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    unicast_src_ip 10.0.0.1\n    unicast_peer {\n        10.0.0.2\n    }\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n";

describe(RULE, () => {
  it('reports what keepalived 2.2.7 reports, at the line it concerns', () => {
    const ds = found(RULE, BAD);
    expect(ds.map((d) => [d.line, d.text])).toEqual([[5, "unicast_src_ip"]]);
    expect(ds[0].message).toContain("falls back to multicast");
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

  it('reports an empty unicast_peer block, and FAULT with unicast_fault_no_peer', () => {
    const text = BAD.replace('unicast_src_ip 10.0.0.1', 'unicast_fault_no_peer\n    unicast_peer {\n    }');
    const [d] = found(RULE, text);
    expect([d.line, d.text, d.severity]).toEqual([5, 'unicast_fault_no_peer', 'error']);
    expect(d.message).toContain('FAULT');
  });

  it('does not count a peer of the other address family', () => {
    const text = BAD.replace('unicast_src_ip 10.0.0.1', 'unicast_src_ip 10.0.0.1\n    unicast_peer {\n        fe80::2\n    }');
    expect(where(RULE, text)).toEqual([[5, 'unicast_src_ip']]);
  });

  it('reports only the config id without peers', () => {
    const text = ['@lb1 $PEERS=10.0.0.2', '@lb2 $PEERS=', GOOD.replace('    10.0.0.2', '    $PEERS')].join('\n');
    expect(found(RULE, text)[0]?.message).toContain('(with config id lb2)');
    expect(where(RULE, text, { configIds: ['lb1'] })).toEqual([]);
  });
});
