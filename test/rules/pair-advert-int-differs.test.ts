import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, workspaceHits, TWO_HOSTS } from '../helpers/workspace.js';

const RULE = 'pair-advert-int-differs';

const YAML = TWO_HOSTS;

const node = (state: string, priority: number, advert?: string) => `vrrp_instance VI_WEB {
    state ${state}
    interface eth0
    virtual_router_id 51
    priority ${priority}
${advert === undefined ? '' : `    advert_int ${advert}\n`}    virtual_ipaddress {
        192.168.10.100/24 dev eth0
    }
}
`;

const pair = (a1?: string, a2?: string) => lintMemoryWorkspace(YAML, {
  'lb1/keepalived.conf': node('MASTER', 150, a1),
  'lb2/keepalived.conf': node('BACKUP', 100, a2),
});

describe(RULE, () => {
  it('reports different intervals on both nodes, at advert_int, with both values', () => {
    const run = pair('1', '3');
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 6, 'advert_int'], ['lb2/keepalived.conf', 6, 'advert_int']]);
    const lb1 = run.diagnostics.find((x) => x.rule === RULE && x.path.endsWith('lb1/keepalived.conf'))!;
    expect(lb1.severity).toBe('error');
    expect(lb1.message).toContain('advert_int 1 of vrrp_instance VI_WEB differs from 3 on lb2');
    expect(lb1.message).toContain('both nodes become MASTER');
  });

  it('compares an omitted advert_int as the default of 1 second', () => {
    const run = pair(undefined, '2');
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 1, 'vrrp_instance'], ['lb2/keepalived.conf', 6, 'advert_int']]);
    expect(run.diagnostics.find((x) => x.rule === RULE && x.path.endsWith('lb1/keepalived.conf'))!.message).toContain('advert_int 1 of vrrp_instance VI_WEB differs from 2 on lb2');
  });

  it('accepts the default on one node and an explicit 1 on the other', () => {
    expect(workspaceHits(pair(undefined, '1'), RULE)).toEqual([]);
  });

  it('compares numbers, not spellings', () => {
    expect(workspaceHits(pair('1', '1.0'), RULE)).toEqual([]);
  });
});
