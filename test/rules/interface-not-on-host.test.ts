import { describe, expect, it } from 'vitest';
import { applyFixTo } from '../helpers/lint-text.js';
import { lintMemoryWorkspace, workspaceHits, WS_ROOT } from '../helpers/workspace.js';

const RULE = 'interface-not-on-host';

const yaml = (interfaces: string) => `version: 1
hosts:
  lb1:
${interfaces}
    configs: [lb1/keepalived.conf]
`;
const ETH0 = yaml('    interfaces:\n      eth0: [192.168.10.11/24]');

const instance = (iface: string, vip = '192.168.10.100/24', extra = '') => `vrrp_instance VI_WEB {
    state MASTER
    interface ${iface}
    virtual_router_id 51
    priority 150
${extra}    virtual_ipaddress {
        ${vip}
    }
}
`;

const LB1 = `${WS_ROOT}/lb1/keepalived.conf`;

describe(RULE, () => {
  it('reports an instance interface the host lacks, lists its interfaces and says the instance goes to FAULT', () => {
    const run = lintMemoryWorkspace(ETH0, { 'lb1/keepalived.conf': instance('eth1') });
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 3, 'eth1']]);
    const d = run.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain("interface 'eth1' does not exist on lb1 (its interfaces: eth0)");
    expect(d.message).toContain('FAULT state');
  });

  it('fixes the name to the one close match', () => {
    const run = lintMemoryWorkspace(ETH0, { 'lb1/keepalived.conf': instance('eth1') });
    const d = run.diagnostics.find((x) => x.rule === RULE)!;
    expect(applyFixTo(run.texts.get(LB1)!, d.fix!, LB1)).toBe(instance('eth0'));
  });

  it("reports 'dev' of a VIP and a track_interface entry", () => {
    const text = instance('eth0', '192.168.10.100/24 dev bond0', '    track_interface {\n        ens3\n    }\n');
    const run = lintMemoryWorkspace(ETH0, { 'lb1/keepalived.conf': text });
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 10, 'bond0'], ['lb1/keepalived.conf', 7, 'ens3']]);
    const messages = run.diagnostics.filter((x) => x.rule === RULE).map((x) => x.message);
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m).toContain('keepalived cannot use it');
  });

  it('offers no fix when two interfaces are equally close', () => {
    const run = lintMemoryWorkspace(yaml('    interfaces:\n      eth0: [192.168.10.11/24]\n      eth2: [10.0.0.11/24]'), { 'lb1/keepalived.conf': instance('eth1') });
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 3, 'eth1']]);
    expect(run.diagnostics.find((x) => x.rule === RULE)!.fix).toBeUndefined();
  });

  it('accepts VLANs and aliases of a known interface and keepalived VMAC names', () => {
    const text = instance('eth0.10', '192.168.10.100/24 dev eth0:1', '    track_interface {\n        vrrp.51\n    }\n');
    const run = lintMemoryWorkspace(ETH0, { 'lb1/keepalived.conf': text });
    expect(workspaceHits(run, RULE)).toEqual([]);
  });

  it('does not report when the host lists bare addresses without interface names', () => {
    const run = lintMemoryWorkspace(yaml('    addresses: [192.168.10.11/24]'), { 'lb1/keepalived.conf': instance('eth1') });
    expect(workspaceHits(run, RULE)).toEqual([]);
  });
});
