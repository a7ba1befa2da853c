import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, workspaceHits } from '../helpers/workspace.js';

const RULE = 'vip-outside-interface-subnet';

const YAML = `version: 1
hosts:
  lb1:
    interfaces:
      eth0: [192.168.10.11/24, 192.168.20.11/24]
      eth1: [10.0.0.11/24]
    configs: [lb1/keepalived.conf]
`;

const instance = (...vips: string[]) => `vrrp_instance VI_WEB {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
${vips.map((v) => `        ${v}\n`).join('')}    }
}
`;

const hits = (text: string, yaml = YAML) => workspaceHits(lintMemoryWorkspace(yaml, { 'lb1/keepalived.conf': text }), RULE);

describe(RULE, () => {
  it("reports a VIP without 'dev' outside every subnet of the instance interface", () => {
    const run = lintMemoryWorkspace(YAML, { 'lb1/keepalived.conf': instance('172.16.5.100/24') });
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 7, '172.16.5.100/24']]);
    const d = run.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('VIP 172.16.5.100/24 is in no subnet of eth0 on lb1 (192.168.10.11/24, 192.168.20.11/24)');
    expect(d.message).toContain("without 'dev' keepalived adds it to eth0");
  });

  it('reports a VIP that belongs to the subnet of another interface than the instance one', () => {
    expect(hits(instance('192.168.10.100/24', '10.0.0.100/24'))).toEqual([['lb1/keepalived.conf', 8, '10.0.0.100/24']]);
  });

  it('accepts VIPs in the primary or a secondary subnet of the interface', () => {
    expect(hits(instance('192.168.10.100/24', '192.168.20.100'))).toEqual([]);
  });

  it("accepts a VIP outside the subnet when 'dev' names where it goes", () => {
    expect(hits(instance('10.0.0.100/24 dev eth1'))).toEqual([]);
  });

  it('does not judge an IPv6 VIP by the IPv4 subnets of the interface', () => {
    expect(hits(instance('2001:db8:10::100/64'))).toEqual([]);
  });

  it('says nothing when the host has no interface names', () => {
    expect(hits(instance('172.16.5.100/24'), 'version: 1\nhosts:\n  lb1:\n    addresses: [192.168.10.11/24]\n    configs: [lb1/keepalived.conf]\n')).toEqual([]);
  });
});
