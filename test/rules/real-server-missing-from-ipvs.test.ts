import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, workspaceHits, WS_ROOT } from '../helpers/workspace.js';

const RULE = 'real-server-missing-from-ipvs';

/** lb1 with verbatim `ipvsadm -Ln --stats` output as its IPVS facts. */
const yaml = (ipvsadm: string) => `version: 1
hosts:
  lb1:
    interfaces:
      eth0: [192.168.10.11/24]
    configs: [lb1/keepalived.conf]
    ipvs: |
${ipvsadm.trim().split('\n').map((l) => `      ${l}`).join('\n')}
`;

const CONFIG = `virtual_server 192.168.10.100 80 {
    lvs_sched wlc
    lvs_method DR
    protocol TCP
    real_server 192.168.10.21 80 {
        weight 1
    }
    real_server 192.168.10.22 80 {
        weight 1
    }
}
`;

const HEADER = `IP Virtual Server version 1.2.1 (size=4096)
Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes
  -> RemoteAddress:Port`;

const run = (ipvsadm: string, text = CONFIG) => lintMemoryWorkspace(yaml(ipvsadm), { 'lb1/keepalived.conf': text });

describe(RULE, () => {
  it('reports a real server missing from the live table and points at the service in the facts', () => {
    const r = run(`${HEADER}
TCP  192.168.10.100:80                  1204    18204        0  1092240        0
  -> 192.168.10.21:80                    1204    18204        0  1092240        0`);
    expect(workspaceHits(r, RULE)).toEqual([['lb1/keepalived.conf', 8, '192.168.10.22']]);
    const d = r.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.severity).toBe('warning');
    expect(d.message).toContain("real_server 192.168.10.22:80 is missing from lb1's IPVS table for 192.168.10.100:80");
    expect(d.message).toContain('health check is failing');
    const yamlText = r.texts.get(`${WS_ROOT}/keepalived-lint.yaml`)!;
    expect(yamlText.slice(0, d.related![0].start).split('\n').length).toBe(11);
    expect(yamlText.slice(d.related![0].start).startsWith('TCP  192.168.10.100:80')).toBe(true);
  });

  it('reports a virtual_server that is not in the table at all', () => {
    const r = run(`${HEADER}
TCP  192.168.10.200:443                   10      120      110    7200     6600
  -> 192.168.10.21:443                     10      120      110    7200     6600`);
    expect(workspaceHits(r, RULE)).toEqual([['lb1/keepalived.conf', 1, '192.168.10.100']]);
    expect(r.diagnostics.find((x) => x.rule === RULE)!.message).toContain("virtual_server 192.168.10.100:80 is not in lb1's IPVS table");
  });

  it('tells services apart by protocol and real servers by port', () => {
    const udp = CONFIG.replace('protocol TCP', 'protocol UDP');
    const table = `${HEADER}
TCP  192.168.10.100:80                    10      120        0    7200        0
  -> 192.168.10.21:8080                    5       60        0    3600        0
  -> 192.168.10.22:80                      5       60        0    3600        0`;
    expect(workspaceHits(run(table, udp), RULE)).toEqual([['lb1/keepalived.conf', 1, '192.168.10.100']]);
    expect(workspaceHits(run(table), RULE)).toEqual([['lb1/keepalived.conf', 5, '192.168.10.21']]);
  });

  it('accepts a table with every configured server, in the plain -Ln format too', () => {
    const plain = `IP Virtual Server version 1.2.1 (size=4096)
Prot LocalAddress:Port Scheduler Flags
  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
TCP  192.168.10.100:80 wlc
  -> 192.168.10.21:80             Route   1      0          0
  -> 192.168.10.22:80             Route   1      0          0`;
    expect(workspaceHits(run(plain), RULE)).toEqual([]);
  });

  it('matches IPv6 services written in brackets', () => {
    const v6 = `virtual_server 2001:db8::100 443 {
    lvs_method DR
    protocol TCP
    real_server 2001:db8::21 443 {
        weight 1
    }
}
`;
    const table = `${HEADER}
TCP  [2001:db8::100]:443                  10      120        0    7200        0
  -> [2001:db8::21]:443                    10      120        0    7200        0`;
    expect(workspaceHits(run(table, v6), RULE)).toEqual([]);
  });

  it('says nothing without IPVS facts', () => {
    const r = lintMemoryWorkspace('version: 1\nhosts:\n  lb1:\n    addresses: [192.168.10.11/24]\n    configs: [lb1/keepalived.conf]\n', { 'lb1/keepalived.conf': CONFIG });
    expect(workspaceHits(r, RULE)).toEqual([]);
  });
});
