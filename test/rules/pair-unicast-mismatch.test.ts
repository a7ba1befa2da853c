import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, workspaceHits, TWO_HOSTS } from '../helpers/workspace.js';

const RULE = 'pair-unicast-mismatch';

const node = (priority: number, src: string | undefined, peers: string[] | undefined) => `vrrp_instance VI_WEB {
    state ${priority > 100 ? 'MASTER' : 'BACKUP'}
    interface eth0
    virtual_router_id 51
    priority ${priority}
    advert_int 1
${src ? `    unicast_src_ip ${src}\n` : ''}${peers ? `    unicast_peer {\n${peers.map((p) => `        ${p}\n`).join('')}    }\n` : ''}    virtual_ipaddress {
        192.168.10.100/24 dev eth0
    }
}
`;

const pair = (lb1: string, lb2: string) => lintMemoryWorkspace(TWO_HOSTS, { 'lb1/keepalived.conf': lb1, 'lb2/keepalived.conf': lb2 });

describe(RULE, () => {
  it('accepts a pair where each node lists the other', () => {
    expect(workspaceHits(pair(node(150, '192.168.10.11', ['192.168.10.12']), node(100, '192.168.10.12', ['192.168.10.11'])), RULE)).toEqual([]);
  });

  it('reports a stale peer address (after a rebuild) with the partner it should name, and fixes it', () => {
    const run = pair(node(150, '192.168.10.11', ['192.168.10.22']), node(100, '192.168.10.12', ['192.168.10.11']));
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 9, '192.168.10.22']]);
    const d = run.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain('unicast_peer 192.168.10.22 of vrrp_instance VI_WEB on lb1 is an address of no host in the workspace file');
    expect(d.message).toContain('lacks its partner lb2 (unicast_src_ip 192.168.10.12)');
    expect(d.fix!.edits[0].newText).toBe('192.168.10.12');
  });

  it('reports a list that lacks the partner, naming its address on the interface', () => {
    const run = pair(node(150, undefined, ['192.168.10.11']), node(100, undefined, ['192.168.10.11']));
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 7, 'unicast_peer']]);
    expect(run.diagnostics.find((x) => x.rule === RULE)!.message).toContain('lacks its partner lb2 (192.168.10.12 on eth0)');
  });

  it('reports the multicast member of a cluster whose other member is unicast', () => {
    const run = pair(node(150, '192.168.10.11', ['192.168.10.12']), node(100, undefined, undefined));
    expect(workspaceHits(run, RULE)).toEqual([['lb2/keepalived.conf', 1, 'vrrp_instance']]);
    expect(run.diagnostics.find((x) => x.rule === RULE)!.message).toContain('sends multicast adverts, but lb1 use unicast_peer');
  });

  it('accepts a multicast pair', () => {
    expect(workspaceHits(pair(node(150, undefined, undefined), node(100, undefined, undefined)), RULE)).toEqual([]);
  });
});
