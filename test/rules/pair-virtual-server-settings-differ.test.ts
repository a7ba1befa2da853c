import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, webInstance, workspaceHits, TWO_HOSTS } from '../helpers/workspace.js';

const RULE = 'pair-virtual-server-settings-differ';

const vrrp = webInstance;

/** A DR web service; `settings` are the lines between its head and its real server. */
const service = (settings: string[], head = '192.168.10.100 80') => `
virtual_server ${head} {
${settings.map((s) => `    ${s}\n`).join('')}    real_server 192.168.10.21${head.startsWith('fwmark') ? '' : ' 80'} {
        weight 1
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
`;

const BASE = ['lvs_sched wlc', 'lvs_method DR', 'protocol TCP'];

const pair = (settings1: string[], settings2: string[]) => lintMemoryWorkspace(TWO_HOSTS, {
  'lb1/keepalived.conf': vrrp('MASTER', 150) + service(settings1),
  'lb2/keepalived.conf': vrrp('BACKUP', 100) + service(settings2),
});

describe(RULE, () => {
  it('reports a different scheduler on every node, naming each host and its value', () => {
    const run = pair(['lvs_sched rr', 'lvs_method DR', 'protocol TCP'], BASE);
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 12, 'lvs_sched'], ['lb2/keepalived.conf', 12, 'lvs_sched']]);
    const d = run.diagnostics.find((x) => x.rule === RULE && x.path.endsWith('lb1/keepalived.conf'))!;
    expect(d.severity).toBe('warning');
    expect(d.message).toBe('scheduler (lvs_sched) of virtual_server 192.168.10.100 80 differs between the nodes that back each other up: rr on lb1, wlc on lb2. After a failover connections are spread differently depending on which node is MASTER');
    expect(d.related!.map((r) => r.message)).toEqual(['scheduler (lvs_sched) wlc on lb2']);
  });

  it('reports persistence set on one node only, at the virtual_server of the node without it', () => {
    const run = pair([...BASE, 'persistence_timeout 300'], BASE);
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 15, 'persistence_timeout'], ['lb2/keepalived.conf', 11, 'virtual_server']]);
    expect(run.diagnostics.find((x) => x.rule === RULE)!.message).toContain('persistence_timeout of virtual_server 192.168.10.100 80 differs between the nodes that back each other up: 300 on lb1, not set (no persistence) on lb2');
  });

  it('reports a different forwarding method or protocol as an error', () => {
    const method = pair(['lvs_sched wlc', 'lvs_method NAT', 'protocol TCP'], BASE);
    expect(workspaceHits(method, RULE)).toEqual([['lb1/keepalived.conf', 13, 'lvs_method'], ['lb2/keepalived.conf', 13, 'lvs_method']]);
    expect(method.diagnostics.filter((x) => x.rule === RULE).map((x) => x.severity)).toEqual(['error', 'error']);
    const protocol = pair(['lvs_sched wlc', 'lvs_method DR', 'protocol UDP'], BASE);
    expect(workspaceHits(protocol, RULE)).toEqual([['lb1/keepalived.conf', 14, 'protocol'], ['lb2/keepalived.conf', 14, 'protocol']]);
    expect(protocol.diagnostics.find((x) => x.rule === RULE)!.message).toContain('protocol of virtual_server 192.168.10.100 80 differs between the nodes that back each other up: UDP on lb1, TCP on lb2');
    expect(workspaceHits(protocol, 'pair-virtual-servers-differ')).toEqual([]);
  });

  it('reports quorum, hysteresis, ops and the sorry server, one finding per setting and node', () => {
    const run = pair([...BASE, 'quorum 2', 'hysteresis 1', 'ops', 'sorry_server 192.168.10.30 80'], BASE);
    const messages = run.diagnostics.filter((x) => x.rule === RULE && x.path.endsWith('lb2/keepalived.conf')).map((x) => x.message.split(' of ')[0]);
    expect(messages).toEqual(['quorum', 'hysteresis', 'one-packet scheduling (ops)', 'sorry_server']);
    expect(run.diagnostics.find((x) => x.rule === RULE && x.message.startsWith('sorry_server'))!.message).toContain('192.168.10.30 80 on lb1, none on lb2');
  });

  it('names every node of a three-node cluster, grouping the hosts that agree', () => {
    const run = lintMemoryWorkspace(`${TWO_HOSTS}  lb3:\n    interfaces: { eth0: [192.168.10.13/24] }\n    configs: [lb3/keepalived.conf]\n`, {
      'lb1/keepalived.conf': vrrp('MASTER', 150) + service(BASE),
      'lb2/keepalived.conf': vrrp('BACKUP', 100) + service(['lvs_sched sh', 'lvs_method DR', 'protocol TCP']),
      'lb3/keepalived.conf': vrrp('BACKUP', 90) + service(BASE),
    });
    expect(workspaceHits(run, RULE).map(([file]) => file)).toEqual(['lb1/keepalived.conf', 'lb2/keepalived.conf', 'lb3/keepalived.conf']);
    expect(run.diagnostics.find((x) => x.rule === RULE)!.message).toContain('wlc on lb1 and lb3, sh on lb2');
  });

  it('accepts the same settings spelled differently: legacy names, case, defaults written out, $NAME values', () => {
    const lb1 = `$SCHED=rr\n${vrrp('MASTER', 150)}${service(['lb_algo $SCHED', 'lb_kind dr', 'protocol tcp', 'quorum 1'])}`;
    const lb2 = vrrp('BACKUP', 100) + service(['lvs_sched rr', 'lvs_method DR', 'protocol TCP']);
    const run = lintMemoryWorkspace(TWO_HOSTS, { 'lb1/keepalived.conf': lb1, 'lb2/keepalived.conf': lb2 });
    expect(workspaceHits(run, RULE)).toEqual([]);
  });

  it('ignores the protocol of a firewall-mark service, which keepalived does not use', () => {
    const run = lintMemoryWorkspace(TWO_HOSTS, {
      'lb1/keepalived.conf': vrrp('MASTER', 150) + service(['lvs_sched wlc', 'lvs_method DR', 'protocol TCP'], 'fwmark 10'),
      'lb2/keepalived.conf': vrrp('BACKUP', 100) + service(['lvs_sched wlc', 'lvs_method DR'], 'fwmark 10'),
    });
    expect(workspaceHits(run, RULE)).toEqual([]);
  });

  it('does not compare services of nodes that are not VRRP peers', () => {
    const run = lintMemoryWorkspace(TWO_HOSTS, {
      'lb1/keepalived.conf': vrrp('MASTER', 150) + service(['lvs_sched rr', 'lvs_method DR', 'protocol TCP']),
      'lb2/keepalived.conf': vrrp('BACKUP', 100).replace('virtual_router_id 51', 'virtual_router_id 52').replace('192.168.10.100/24', '192.168.10.101/24') + service(BASE),
    });
    expect(workspaceHits(run, RULE)).toEqual([]);
  });
});
