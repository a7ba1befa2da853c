import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, workspaceHits, TWO_HOSTS } from '../helpers/workspace.js';

const RULE = 'pair-virtual-servers-differ';

const YAML = TWO_HOSTS;

const vrrp = (state: string, priority: number, vrid: number) => `vrrp_instance VI_WEB {
    state ${state}
    interface eth0
    virtual_router_id ${vrid}
    priority ${priority}
    virtual_ipaddress {
        192.168.10.100/24 dev eth0
    }
}
`;

/** `head` is `192.168.10.100 80` or `fwmark 10`; real servers of a fwmark service take the client's port. */
const service = (head: string, protocol = 'TCP') => `
virtual_server ${head} {
    lvs_sched wlc
    lvs_method DR
    protocol ${protocol}
    real_server 192.168.10.21${head.startsWith('fwmark') ? '' : ` ${head.split(' ')[1]}`} {
        weight 1
    }
}
`;

const pair = (services1: string[], services2: string[], vrid2 = 51) => lintMemoryWorkspace(YAML, {
  'lb1/keepalived.conf': vrrp('MASTER', 150, 51) + services1.join(''),
  'lb2/keepalived.conf': vrrp('BACKUP', 100, vrid2) + services2.join(''),
});

describe(RULE, () => {
  it('reports a virtual_server the peer lacks, on the node that has it', () => {
    const run = pair([service('192.168.10.100 80'), service('192.168.10.100 443')], [service('192.168.10.100 80')]);
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 20, 'virtual_server']]);
    const d = run.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain('virtual_server 192.168.10.100:443/TCP exists on lb1 but not on its VRRP peer lb2');
    expect(d.message).toContain('when lb2 takes over the VIP this service stops');
  });

  it('tells services apart by protocol when a node has both', () => {
    const run = pair([service('192.168.10.100 53', 'UDP'), service('192.168.10.100 53', 'TCP')], [service('192.168.10.100 53', 'UDP')]);
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 20, 'virtual_server']]);
    expect(run.diagnostics.find((x) => x.rule === RULE)!.message).toContain('virtual_server 192.168.10.100:53/TCP exists on lb1 but not on its VRRP peer lb2');
  });

  it('leaves one service per node whose protocol differs to pair-virtual-server-settings-differ', () => {
    const run = pair([service('192.168.10.100 53', 'UDP')], [service('192.168.10.100 53', 'TCP')]);
    expect(workspaceHits(run, RULE)).toEqual([]);
    expect(workspaceHits(run, 'pair-virtual-server-settings-differ')).toEqual([['lb1/keepalived.conf', 14, 'protocol'], ['lb2/keepalived.conf', 14, 'protocol']]);
  });

  it('compares fwmark services too', () => {
    const run = pair([service('fwmark 10')], []);
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 11, 'virtual_server']]);
    expect(run.diagnostics.find((x) => x.rule === RULE)!.message).toContain('virtual_server fwmark 10 exists on lb1');
  });

  it('accepts the same services in another order', () => {
    expect(workspaceHits(pair([service('192.168.10.100 80'), service('192.168.10.100 443')], [service('192.168.10.100 443'), service('192.168.10.100 80')]), RULE)).toEqual([]);
  });

  it('does not compare configs that are not a VRRP pair', () => {
    expect(workspaceHits(pair([service('192.168.10.100 80'), service('192.168.10.100 443')], [service('192.168.10.100 80')], 52), RULE)).toEqual([]);
  });
});
