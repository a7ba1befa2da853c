import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, workspaceHits, TWO_HOSTS } from '../helpers/workspace.js';

const RULE = 'pair-priority-tie';

const YAML = TWO_HOSTS;

const node = (state: string, priority: number, vrid = 51) => `vrrp_instance VI_WEB {
    state ${state}
    interface eth0
    virtual_router_id ${vrid}
    priority ${priority}
    advert_int 1
    virtual_ipaddress {
        192.168.10.100/24 dev eth0
    }
}
`;

const pair = (p1: number, p2: number, vrid2 = 51) => lintMemoryWorkspace(YAML, {
  'lb1/keepalived.conf': node('MASTER', p1),
  'lb2/keepalived.conf': node('BACKUP', p2, vrid2),
});

describe(RULE, () => {
  it('reports equal priorities on both nodes, at priority', () => {
    const run = pair(100, 100);
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 5, 'priority'], ['lb2/keepalived.conf', 5, 'priority']]);
    const lb1 = run.diagnostics.find((x) => x.rule === RULE && x.path.endsWith('lb1/keepalived.conf'))!;
    expect(lb1.severity).toBe('warning');
    expect(lb1.message).toContain('vrrp_instance VI_WEB has the same priority (100) as its peer on lb2');
    expect(lb1.message).toContain("the node with the higher IP address wins the election, whatever 'state' says");
  });

  it('accepts different priorities, including an address owner at 255', () => {
    expect(workspaceHits(pair(150, 100), RULE)).toEqual([]);
    expect(workspaceHits(pair(255, 100), RULE)).toEqual([]);
  });

  it('names every tied member of a three-node cluster once, by host name', () => {
    const yaml = `${YAML}  lb3:
    interfaces:
      eth0: [192.168.10.13/24]
    configs: [lb3/keepalived.conf]
`;
    const run = lintMemoryWorkspace(yaml, {
      'lb1/keepalived.conf': node('MASTER', 100),
      'lb2/keepalived.conf': node('BACKUP', 100),
      'lb3/keepalived.conf': node('BACKUP', 100),
    });
    const hits = run.diagnostics.filter((d) => d.rule === RULE);
    expect(hits).toHaveLength(3);
    const lb1 = hits.find((d) => d.path.endsWith('lb1/keepalived.conf'))!;
    expect(lb1.message).toContain('the same priority (100) as its peers on lb2 and lb3:');
    expect(lb1.related!.map((r) => r.message)).toEqual(['priority on lb2', 'priority on lb3']);
  });

  it('does not compare instances that are not a pair', () => {
    expect(workspaceHits(pair(100, 100, 52), RULE)).toEqual([]);
  });
});
