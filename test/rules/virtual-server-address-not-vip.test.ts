import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, workspaceHits, TWO_HOSTS } from '../helpers/workspace.js';

const RULE = 'virtual-server-address-not-vip';

const YAML = TWO_HOSTS;

const VRRP = `vrrp_instance VI_WEB {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        192.168.10.100/24 dev eth0
    }
}
`;

const service = (head: string) => `
virtual_server ${head} {
    lvs_sched wlc
    lvs_method NAT
    protocol TCP
    real_server 192.168.10.21 8080 {
        weight 1
    }
}
`;

describe(RULE, () => {
  it('reports a virtual_server address that no instance carries and the host does not have', () => {
    const run = lintMemoryWorkspace(YAML, { 'lb1/keepalived.conf': VRRP + service('192.168.10.200 80') });
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 11, '192.168.10.200']]);
    const d = run.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('virtual_server 192.168.10.200 is not a VIP of any vrrp_instance in the workspace nor an address of lb1');
    expect(d.message).toContain('no node receives its traffic');
  });

  it('reports a config that runs on no known host without naming one', () => {
    const run = lintMemoryWorkspace(YAML, { 'staging/keepalived.conf': VRRP + service('192.168.10.200 80') });
    expect(workspaceHits(run, RULE)).toEqual([['staging/keepalived.conf', 11, '192.168.10.200']]);
    expect(run.diagnostics.find((x) => x.rule === RULE)!.message).not.toContain('nor an address of');
  });

  it('accepts a VIP of the same config', () => {
    expect(workspaceHits(lintMemoryWorkspace(YAML, { 'lb1/keepalived.conf': VRRP + service('192.168.10.100 80') }), RULE)).toEqual([]);
  });

  it('accepts a VIP that another config of the workspace carries', () => {
    const run = lintMemoryWorkspace(YAML, { 'lb1/keepalived.conf': VRRP, 'lb2/keepalived.conf': service('192.168.10.100 80') });
    expect(workspaceHits(run, RULE)).toEqual([]);
  });

  it("accepts the host's own address and services without an address", () => {
    const run = lintMemoryWorkspace(YAML, { 'lb1/keepalived.conf': VRRP + service('192.168.10.11 80') + service('fwmark 10') });
    expect(workspaceHits(run, RULE)).toEqual([]);
  });
});
