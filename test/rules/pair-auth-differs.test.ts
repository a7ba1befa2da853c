import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, workspaceHits, WS_ROOT, TWO_HOSTS } from '../helpers/workspace.js';

const RULE = 'pair-auth-differs';

const YAML = TWO_HOSTS;

const auth = (type: string, pass: string) => `    authentication {
        auth_type ${type}
        auth_pass ${pass}
    }
`;

const node = (state: string, priority: number, authentication: string) => `vrrp_instance VI_WEB {
    state ${state}
    interface eth0
    virtual_router_id 51
    priority ${priority}
    advert_int 1
${authentication}    virtual_ipaddress {
        192.168.10.100/24 dev eth0
    }
}
`;

const pair = (auth1: string, auth2: string) => lintMemoryWorkspace(YAML, {
  'lb1/keepalived.conf': node('MASTER', 150, auth1),
  'lb2/keepalived.conf': node('BACKUP', 100, auth2),
});

describe(RULE, () => {
  it('reports different passwords on both nodes, at auth_pass, with the peer as related place', () => {
    const run = pair(auth('PASS', 'web51ok'), auth('PASS', 'web51no'));
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 9, 'auth_pass'], ['lb2/keepalived.conf', 9, 'auth_pass']]);
    const d = run.diagnostics.find((x) => x.rule === RULE && x.path.endsWith('lb1/keepalived.conf'))!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain('vrrp_instance VI_WEB authenticates differently from its peer on lb2 (virtual_router_id 51)');
    expect(d.message).toContain('both become MASTER');
    expect(d.related![0].path).toBe(`${WS_ROOT}/lb2/keepalived.conf`);
  });

  it('reports a different auth_type', () => {
    expect(workspaceHits(pair(auth('PASS', 'web51ok'), auth('AH', 'web51ok')), RULE)).toHaveLength(2);
  });

  it('reports a node without authentication at its vrrp_instance', () => {
    expect(workspaceHits(pair(auth('PASS', 'web51ok'), ''), RULE)).toEqual([['lb1/keepalived.conf', 9, 'auth_pass'], ['lb2/keepalived.conf', 1, 'vrrp_instance']]);
  });

  it('accepts passwords that differ only after the 8 characters VRRP sends', () => {
    expect(workspaceHits(pair(auth('PASS', 'web51ok_2024'), auth('PASS', 'web51ok_2025')), RULE)).toEqual([]);
  });

  it('accepts equal authentication, and none on both nodes', () => {
    expect(workspaceHits(pair(auth('PASS', 'web51ok'), auth('PASS', 'web51ok')), RULE)).toEqual([]);
    expect(workspaceHits(pair('', ''), RULE)).toEqual([]);
  });
});
