import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, workspaceHits, TWO_HOSTS } from '../helpers/workspace.js';

const RULE = 'pair-sync-group-differs';

/** A NAT director: the outside VIP (VRID 51) and the real servers' gateway (VRID 52). */
const instance = (name: string, vrid: number, vip: string, state: string, priority: number) => `vrrp_instance ${name} {
    state ${state}
    interface eth0
    virtual_router_id ${vrid}
    priority ${priority}
    virtual_ipaddress {
        ${vip}/24 dev eth0
    }
}
`;

const syncGroup = (name: string, members: string[]) => `vrrp_sync_group ${name} {
    group {
${members.map((m) => `        ${m}\n`).join('')}    }
}
`;

const node = (state: string, priority: number, groups: string, names = ['VI_OUT', 'VI_GW']) =>
  `${groups}${instance(names[0], 51, '192.168.10.100', state, priority)}${instance(names[1], 52, '192.168.10.1', state, priority)}`;

describe(RULE, () => {
  it('reports a sync group on one node whose instances are ungrouped on the other: once at the group, at each instance of the other node', () => {
    const run = lintMemoryWorkspace(TWO_HOSTS, {
      'lb1/keepalived.conf': node('MASTER', 150, syncGroup('VG_NAT', ['VI_OUT', 'VI_GW'])),
      'lb2/keepalived.conf': node('BACKUP', 100, ''),
    });
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 1, 'VG_NAT'], ['lb2/keepalived.conf', 1, 'VI_OUT'], ['lb2/keepalived.conf', 10, 'VI_GW']]);
    const d = run.diagnostics.find((x) => x.rule === RULE && x.path.endsWith('lb1/keepalived.conf'))!;
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('vrrp_instance VI_OUT (virtual_router_id 51) is grouped differently on the nodes that back each other up: in vrrp_sync_group VG_NAT with VI_GW on lb1, in no vrrp_sync_group on lb2');
    expect(d.related!.map((r) => r.message)).toEqual(['vrrp_instance VI_OUT in no vrrp_sync_group on lb2']);
  });

  it('reports an instance synchronised with different partners', () => {
    const third = instance('VI_DB', 53, '192.168.10.200', 'MASTER', 150);
    const run = lintMemoryWorkspace(TWO_HOSTS, {
      'lb1/keepalived.conf': node('MASTER', 150, syncGroup('VG_NAT', ['VI_OUT', 'VI_GW'])) + third,
      'lb2/keepalived.conf': node('BACKUP', 100, syncGroup('VG_NAT', ['VI_OUT', 'VI_DB'])) + third.replace('MASTER', 'BACKUP').replace('150', '100'),
    });
    const hits = workspaceHits(run, RULE);
    expect(hits).toContainEqual(['lb1/keepalived.conf', 1, 'VG_NAT']);
    expect(hits).toContainEqual(['lb2/keepalived.conf', 1, 'VG_NAT']);
    expect(run.diagnostics.find((x) => x.rule === RULE)!.message).toContain('in vrrp_sync_group VG_NAT with VI_GW on lb1, in vrrp_sync_group VG_NAT with VI_DB on lb2');
  });

  it('accepts the same grouping under other group and instance names', () => {
    const run = lintMemoryWorkspace(TWO_HOSTS, {
      'lb1/keepalived.conf': node('MASTER', 150, syncGroup('VG_NAT', ['VI_OUT', 'VI_GW'])),
      'lb2/keepalived.conf': node('BACKUP', 100, syncGroup('VG_LB2', ['VI_1', 'VI_2']), ['VI_1', 'VI_2']),
    });
    expect(workspaceHits(run, RULE)).toEqual([]);
  });

  it('accepts nodes that both leave the instances ungrouped', () => {
    expect(workspaceHits(lintMemoryWorkspace(TWO_HOSTS, { 'lb1/keepalived.conf': node('MASTER', 150, ''), 'lb2/keepalived.conf': node('BACKUP', 100, '') }), RULE)).toEqual([]);
  });
});
