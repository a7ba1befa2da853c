import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, workspaceHits, WS_ROOT } from '../helpers/workspace.js';

const RULE = 'fnat-replies-missing';

/** Two DPVS nodes; lvs-a carries verbatim `ipvsadm -Ln --stats` output. */
const yaml = (ipvsadm: string) => `version: 1
dialect: dpvs
hosts:
  lvs-a:
    labels: [ddm_lvs1]
    interfaces:
      bond0: [10.186.87.105/23]
    configs: [lvs-a/keepalived.conf]
    ipvs: |
${ipvsadm.trim().split('\n').map((l) => `      ${l}`).join('\n')}
  lvs-b:
    labels: [ddm_lvs2]
    interfaces:
      bond0: [10.186.87.106/23]
    configs: [lvs-b/keepalived.conf]
`;

const stats = (inPkts: string, outPkts: string) => `IP Virtual Server version 1.2.1 (size=4096)
Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes
  -> RemoteAddress:Port
TCP  10.186.86.79:8443                 412 ${inPkts.padStart(8)} ${outPkts.padStart(8)}   308160        0
  -> 10.186.80.11:8443                 206     2568        0   154080        0
  -> 10.186.80.12:8443                 206     2568        0   154080        0`;

const config = (laddr: string, method = 'FNAT') => `local_address_group laddr_g1 {
    ${laddr} bond0
}

virtual_server 10.186.86.79 8443 {
    lvs_sched rr
    lvs_method ${method}
    protocol TCP
    laddr_group_name laddr_g1
    real_server 10.186.80.11 8443 {
        weight 100
    }
    real_server 10.186.80.12 8443 {
        weight 100
    }
}
`;

const run = (ipvsadm: string, text: string) => lintMemoryWorkspace(yaml(ipvsadm), { 'lvs-a/keepalived.conf': text });

describe(RULE, () => {
  it("reports packets in and none out, naming the partner's local address as the root cause", () => {
    const r = run(stats('5136', '0'), config('10.186.87.106'));
    expect(workspaceHits(r, RULE)).toEqual([['lvs-a/keepalived.conf', 5, 'virtual_server']]);
    const d = r.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain('on lvs-a, IPVS counts 5136 packets in and 0 out for FNAT service 10.186.86.79:8443');
    expect(d.message).toContain('clients see resets or timeouts');
    expect(d.message).toMatch(/Root cause: local_address_group laddr_g1 holds 10\.186\.87\.106, [^(]*lvs-b \(labels ddm_lvs2\)[^(]* \(line 2\), so the real servers reply to that address instead of lvs-a/);
  });

  it('points at the counters in the workspace file and at the wrong local address', () => {
    const r = run(stats('5136', '0'), config('10.186.87.106'));
    const d = r.diagnostics.find((x) => x.rule === RULE)!;
    const yamlText = r.texts.get(`${WS_ROOT}/keepalived-lint.yaml`)!;
    const counters = d.related!.find((x) => x.message === 'ipvsadm counters')!;
    expect(yamlText.slice(0, counters.start).split('\n').length).toBe(13);
    const local = d.related!.find((x) => x.message === 'local address that is not on this host')!;
    expect(r.texts.get(local.path)!.slice(local.start, local.end)).toBe('10.186.87.106');
  });

  it('reads counters with K/M suffixes as ipvsadm prints them', () => {
    const r = run(stats('1843K', '0'), config('10.186.87.106'));
    expect(r.diagnostics.find((x) => x.rule === RULE)!.message).toContain('IPVS counts 1843000 packets in and 0 out');
  });

  it('asks to check the local addresses when they look right', () => {
    const r = run(stats('5136', '0'), config('10.186.87.105'));
    expect(workspaceHits(r, RULE)).toEqual([['lvs-a/keepalived.conf', 5, 'virtual_server']]);
    expect(r.diagnostics.find((x) => x.rule === RULE)!.message).toContain("Check that the local_address_group laddr_g1 addresses are this node's and routed back to it");
  });

  it('does not report a service with replies, or with no traffic at all', () => {
    expect(workspaceHits(run(stats('5136', '4980'), config('10.186.87.106')), RULE)).toEqual([]);
    expect(workspaceHits(run(stats('0', '0'), config('10.186.87.106')), RULE)).toEqual([]);
  });

  it('does not report DR, where replies bypass the load balancer and OutPkts is always 0', () => {
    expect(workspaceHits(run(stats('5136', '0'), config('10.186.87.105', 'DR')), RULE)).toEqual([]);
  });

  it('says nothing when the facts have no counters (plain ipvsadm -Ln)', () => {
    const plain = `IP Virtual Server version 1.2.1 (size=4096)
Prot LocalAddress:Port Scheduler Flags
  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
TCP  10.186.86.79:8443 rr
  -> 10.186.80.11:8443            FullNat 100    0          0
  -> 10.186.80.12:8443            FullNat 100    0          0`;
    expect(workspaceHits(run(plain, config('10.186.87.106')), RULE)).toEqual([]);
  });
});
