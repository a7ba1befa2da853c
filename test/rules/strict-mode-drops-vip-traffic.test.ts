import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, TWO_HOSTS, workspaceHits } from '../helpers/workspace.js';

const RULE = 'strict-mode-drops-vip-traffic';

const SERVICE = `
virtual_server 192.168.10.100 443 {
    lvs_sched wlc
    lvs_method DR
    protocol TCP
    real_server 192.168.10.21 443 {
        weight 1
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
`;

/** One node's config: global_defs lines, instance lines (besides the common ones), and the rest. */
const node = (globals: string[], settings: string[], rest = SERVICE) => `global_defs {
    router_id ${settings.includes('priority 150') ? 'lb1' : 'lb2'}
${globals.map((g) => `    ${g}\n`).join('')}}

vrrp_instance VI_WEB {
    interface eth0
    virtual_router_id 51
    advert_int 1
${settings.map((s) => `    ${s}\n`).join('')}    virtual_ipaddress {
        192.168.10.100/24 dev eth0
    }
}
${rest}`;

const pair = (globals: string[], extra: string[] = [], rest = SERVICE) => lintMemoryWorkspace(TWO_HOSTS, {
  'lb1/keepalived.conf': node(globals, ['state MASTER', 'priority 150', ...extra], rest),
  'lb2/keepalived.conf': node(globals, ['state BACKUP', 'priority 100', ...extra], rest),
});

describe(RULE, () => {
  it('reports each non-owner instance under vrrp_strict whose VIP carries a virtual_server, naming the cause and both fixes', () => {
    const r = pair(['vrrp_strict']);
    expect(workspaceHits(r, RULE)).toEqual([['lb1/keepalived.conf', 6, 'VI_WEB'], ['lb2/keepalived.conf', 6, 'VI_WEB']]);
    const d = r.diagnostics.find((x) => x.rule === RULE && x.path.endsWith('lb2/keepalived.conf'))!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain('VIP 192.168.10.100/24 of vrrp_instance VI_WEB drops all traffic while this node is MASTER');
    expect(d.message).toContain('vrrp_strict in global_defs makes no_accept the default for an instance that is not the address owner (priority 100 < 255)');
    expect(d.message).toContain('virtual_server 192.168.10.100 443 on it gets no traffic');
    expect(d.message).toContain("remove vrrp_strict (or strict_mode), or use 'vrrp_version 3' with 'accept'");
    expect(d.related!.map((x) => x.message)).toEqual(['vrrp_strict: strict VRRP mode', 'virtual_server on the VIP']);
  });

  it("says that keepalived resets 'accept' with VRRP version 2", () => {
    const r = pair(['vrrp_strict'], ['accept']);
    expect(workspaceHits(r, RULE)).toHaveLength(2);
    expect(r.diagnostics.find((x) => x.rule === RULE)!.message).toContain("its 'accept' is reset by keepalived because strict mode with VRRP version 2 does not allow accept mode");
  });

  it('reports an instance strict_mode and an explicit no_accept when a virtual_server uses the VIP', () => {
    expect(workspaceHits(pair([], ['strict_mode on']), RULE)).toHaveLength(2);
    const r = pair(['vrrp_strict', 'vrrp_version 3'], ['no_accept']);
    expect(workspaceHits(r, RULE)).toHaveLength(2);
    expect(r.diagnostics.find((x) => x.rule === RULE)!.message).toContain("it sets no_accept");
    expect(r.diagnostics.find((x) => x.rule === RULE)!.message).toContain("add 'accept' to the instance, or remove vrrp_strict");
  });

  it('reports a VIP without a virtual_server when nothing says no_accept, and only the variant of the host that is not the owner', () => {
    expect(workspaceHits(pair(['vrrp_strict'], [], ''), RULE)).toHaveLength(2);
    const template = (host: string) => `@lb1 $PRIO=255
@lb2 $PRIO=100
global_defs {
    router_id ${host}
    vrrp_strict
}

vrrp_instance VI_WEB {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority $PRIO
    virtual_ipaddress {
        192.168.10.100/24 dev eth0
    }
}
${SERVICE}`;
    const r = lintMemoryWorkspace(TWO_HOSTS, { 'lb1/keepalived.conf': template('lb1'), 'lb2/keepalived.conf': template('lb2') });
    expect(workspaceHits(r, RULE)).toEqual([['lb2/keepalived.conf', 8, 'VI_WEB']]);
  });

  it('stays quiet with accept under VRRP version 3, without strict mode, with strict_mode off, and for a no_accept VIP nothing serves', () => {
    expect(workspaceHits(pair(['vrrp_strict', 'vrrp_version 3'], ['accept']), RULE)).toEqual([]);
    expect(workspaceHits(pair([], ['version 3', 'accept', 'strict_mode']), RULE)).toEqual([]);
    expect(workspaceHits(pair([]), RULE)).toEqual([]);
    expect(workspaceHits(pair(['vrrp_strict'], ['strict_mode off']), RULE)).toEqual([]);
    expect(workspaceHits(pair(['vrrp_strict'], ['no_accept'], ''), RULE)).toEqual([]);
    // The healthy twin lints clean of this rule and of every error.
    const healthy = pair(['vrrp_strict', 'vrrp_version 3'], ['accept']);
    expect(healthy.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
