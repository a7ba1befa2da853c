import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, workspaceHits, WS_ROOT } from '../helpers/workspace.js';

const RULE = 'vrrp-blocked-by-firewall';

const indent = (text: string) => text.trim().split('\n').map((l) => `      ${l}`).join('\n');

/** lb1 and lb2 on one segment; lb1 has the given firewall facts (`firewall:` or `nftables:`). */
const yaml = (key: 'firewall' | 'nftables', facts: string) => `version: 1
hosts:
  lb1:
    interfaces:
      eth0: [192.168.10.11/24]
    configs: [lb1/keepalived.conf]
    ${key}: |
${indent(facts)}
  lb2:
    interfaces:
      eth0: [192.168.10.12/24]
    configs: [lb2/keepalived.conf]
`;

const node = (state: string, priority: number, extra = '') => `vrrp_instance VI_WEB {
    state ${state}
    interface eth0
    virtual_router_id 51
    priority ${priority}
    advert_int 1
${extra}    virtual_ipaddress {
        192.168.10.100/24 dev eth0
    }
}
`;

const unicast = (self: string, peer: string) => `    unicast_src_ip ${self}\n    unicast_peer {\n        ${peer}\n    }\n`;

const run = (key: 'firewall' | 'nftables', facts: string, lb1 = node('BACKUP', 100), lb2 = node('MASTER', 150)) =>
  lintMemoryWorkspace(yaml(key, facts), { 'lb1/keepalived.conf': lb1, 'lb2/keepalived.conf': lb2 });

const NFT_HEALTHY = `table inet filter {
	set vrrp_peers {
		type ipv4_addr
		elements = { 192.168.10.12 }
	}

	chain input {
		type filter hook input priority filter; policy drop;
		ct state established,related accept
		iif "lo" accept
		ip protocol vrrp ip saddr @vrrp_peers accept
		tcp dport { 22, 80, 443 } accept
	}
}`;

describe(RULE, () => {
  it('reports an nftables input policy drop with no accept for the peer, naming the rule line and the advert', () => {
    const r = run('nftables', NFT_HEALTHY.replace('ip protocol vrrp ip saddr @vrrp_peers accept', 'ip protocol icmp accept'));
    expect(workspaceHits(r, RULE)).toEqual([['lb1/keepalived.conf', 1, 'VI_WEB']]);
    const d = r.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain('vrrp_instance VI_WEB on lb1 never hears the VRRP adverts of lb2 (vrrp_instance VI_WEB, protocol 112, 192.168.10.12 -> 224.0.0.18 on eth0)');
    expect(d.message).toContain('the policy drop of nftables chain input (table inet filter, keepalived-lint.yaml line 15) drops them (no rule before it accepts them)');
    expect(d.message).toContain('split brain');
    const yamlText = r.texts.get(`${WS_ROOT}/keepalived-lint.yaml`)!;
    expect(yamlText.slice(d.related![0].start, d.related![0].end)).toBe('policy drop');
  });

  it('reports an accept that names a stale peer address, and an explicit drop in a user chain reached by jump', () => {
    const stale = run('nftables', NFT_HEALTHY.replace('elements = { 192.168.10.12 }', 'elements = { 192.168.10.99 }'));
    expect(workspaceHits(stale, RULE)).toEqual([['lb1/keepalived.conf', 1, 'VI_WEB']]);
    expect(stale.diagnostics.find((x) => x.rule === RULE)!.message).toContain("The ACCEPT rule 'ip protocol vrrp ip saddr @vrrp_peers accept' (line 18) would let them in but names source 192.168.10.99 (no known host has it: a stale address?), not lb2's 192.168.10.12");
    const jumped = `table ip filter {
	chain input {
		type filter hook input priority 0; policy accept;
		iifname "eth0" jump from_lan
	}
	chain from_lan {
		ip protocol vrrp counter packets 0 bytes 0 drop
	}
}`;
    const r = run('nftables', jumped);
    expect(workspaceHits(r, RULE)).toHaveLength(1);
    expect(r.diagnostics.find((x) => x.rule === RULE)!.message).toContain("nftables rule 'ip protocol vrrp counter packets 0 bytes 0 drop' (table ip filter, chain from_lan, keepalived-lint.yaml line 14)");
  });

  it('evaluates unicast adverts to this node and iptables user chains with a DROP policy', () => {
    const fw = `*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:VRRP - [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT
-A INPUT -p vrrp -j VRRP
-A VRRP -s 192.168.10.13/32 -j ACCEPT
COMMIT`;
    const lb1 = node('BACKUP', 100, unicast('192.168.10.11', '192.168.10.12'));
    const lb2 = node('MASTER', 150, unicast('192.168.10.12', '192.168.10.11'));
    const r = run('firewall', fw, lb1, lb2);
    expect(workspaceHits(r, RULE)).toEqual([['lb1/keepalived.conf', 1, 'VI_WEB']]);
    const d = r.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.message).toContain('192.168.10.12 -> 192.168.10.11 on eth0');
    expect(d.message).toContain('the policy drop of iptables chain INPUT (table filter');
    expect(d.message).toContain('names source 192.168.10.13');
    expect(workspaceHits(run('firewall', fw.replace('192.168.10.13/32', '192.168.10.12/32'), lb1, lb2), RULE)).toEqual([]);
  });

  it('reads nft -j list ruleset JSON', () => {
    const chain = { family: 'inet', table: 'filter', name: 'input', handle: 1, type: 'filter', hook: 'input', prio: 0, policy: 'drop' };
    const accept = (peer: string) => ({ rule: { family: 'inet', table: 'filter', chain: 'input', handle: 4, expr: [
      { match: { op: '==', left: { meta: { key: 'l4proto' } }, right: 'vrrp' } },
      { match: { op: '==', left: { payload: { protocol: 'ip', field: 'saddr' } }, right: { set: [peer] } } },
      { accept: null },
    ] } });
    const json = (peer: string) => JSON.stringify({ nftables: [{ metainfo: { json_schema_version: 1 } }, { table: { family: 'inet', name: 'filter', handle: 1 } }, { chain }, accept(peer)] });
    const r = run('nftables', json('192.168.10.99'));
    expect(workspaceHits(r, RULE)).toHaveLength(1);
    expect(r.diagnostics.find((x) => x.rule === RULE)!.message).toContain("'meta l4proto vrrp ip saddr { 192.168.10.99 } accept # handle 4'".replace(' # handle 4', ''));
    expect(workspaceHits(run('nftables', json('192.168.10.12')), RULE)).toEqual([]);
  });

  it('says plainly when a rule on the way cannot be evaluated (info), and stays quiet for the healthy pair', () => {
    const marked = NFT_HEALTHY.replace('ct state established,related accept', 'meta mark 0x00000001 drop\n\t\tct state established,related accept');
    const r = run('nftables', marked);
    const d = r.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.severity).toBe('info');
    expect(d.message).toContain("Could not tell whether lb1 lets in the VRRP adverts of lb2");
    expect(d.message).toContain("'meta mark 0x00000001' matches, which this check does not evaluate");
    const healthy = run('nftables', NFT_HEALTHY);
    expect(workspaceHits(healthy, RULE)).toEqual([]);
    expect(healthy.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    // A drop of another protocol or of traffic from elsewhere does not touch the adverts.
    expect(workspaceHits(run('nftables', NFT_HEALTHY.replace('iif "lo" accept', 'iif "lo" accept\n\t\tip saddr 10.0.0.0/8 drop\n\t\tip protocol udp drop')), RULE)).toEqual([]);
    // IPv6 adverts are not caught by an `ip protocol` rule, and an ip6 table never sees IPv4.
    expect(workspaceHits(run('nftables', 'table ip6 filter {\n\tchain input {\n\t\ttype filter hook input priority 0; policy drop;\n\t}\n}'), RULE)).toEqual([]);
  });
});
