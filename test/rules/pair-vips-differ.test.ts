import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, workspaceHits, WS_ROOT, TWO_HOSTS } from '../helpers/workspace.js';

const RULE = 'pair-vips-differ';

const YAML = TWO_HOSTS;

const node = (state: string, priority: number, vips: string[], vrid = 51) => `vrrp_instance VI_WEB {
    state ${state}
    interface eth0
    virtual_router_id ${vrid}
    priority ${priority}
    advert_int 1
    virtual_ipaddress {
${vips.map((v) => `        ${v}\n`).join('')}    }
}
`;

const pair = (vips1: string[], vips2: string[], vrid2 = 51, yaml = YAML, dirs = ['lb1', 'lb2']) => lintMemoryWorkspace(yaml, {
  [`${dirs[0]}/keepalived.conf`]: node('MASTER', 150, vips1),
  [`${dirs[1]}/keepalived.conf`]: node('BACKUP', 100, vips2, vrid2),
});

describe(RULE, () => {
  it('reports a VIP that only one node of the pair carries, on that node', () => {
    const run = pair(['192.168.10.100/24 dev eth0', '192.168.10.101/24 dev eth0'], ['192.168.10.100/24 dev eth0']);
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 9, '192.168.10.101/24']]);
    const d = run.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain('VIP 192.168.10.101/24 of vrrp_instance VI_WEB (virtual_router_id 51) is missing on lb2');
    expect(d.message).toContain('when lb2 becomes MASTER this address is not brought up');
    expect(d.related![0].path).toBe(`${WS_ROOT}/lb2/keepalived.conf`);
  });

  it('reports each side of a pair with disjoint extras', () => {
    const run = pair(['192.168.10.100/24', '192.168.10.101/24'], ['192.168.10.100/24', '192.168.10.102/24']);
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 9, '192.168.10.101/24'], ['lb2/keepalived.conf', 9, '192.168.10.102/24']]);
  });

  it('accepts equal VIP sets written differently', () => {
    expect(workspaceHits(pair(['192.168.10.100/24 dev eth0', '192.168.10.101'], ['192.168.10.101/32', '192.168.10.100/24']), RULE)).toEqual([]);
  });

  it('does not pair instances with different virtual_router_id', () => {
    expect(workspaceHits(pair(['192.168.10.100/24', '192.168.10.101/24'], ['192.168.10.100/24'], 52), RULE)).toEqual([]);
  });

  it('pairs configs without host facts through a shared VIP', () => {
    const run = pair(['192.168.10.100/24', '192.168.10.101/24'], ['192.168.10.100/24'], 51, 'version: 1\n', ['east', 'west']);
    expect(workspaceHits(run, RULE)).toEqual([['east/keepalived.conf', 9, '192.168.10.101/24']]);
    expect(run.diagnostics.find((x) => x.rule === RULE)!.message).toContain('missing on west/keepalived.conf: when west/keepalived.conf becomes MASTER');
  });
});
