import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../grammar/index.js';
import type { HostFacts } from '../../server/src/analysis/host/context.js';
import { lint } from '../../server/src/analysis/index.js';
import { facts } from '../helpers/facts.js';
import { applyFixTo, TEST_PATH } from '../helpers/lint-text.js';
import { lintMemoryWorkspace, workspaceHits, WS_ROOT } from '../helpers/workspace.js';

const RULE = 'local-address-not-on-host';

function foundWithFacts(text: string, hostFacts: HostFacts) {
  const index = new LineIndex(text);
  return lint({ path: TEST_PATH, text, facts: hostFacts }).diagnostics
    .filter((d) => d.rule === RULE)
    .map((d) => ({ line: index.positionAt(d.start).line + 1, text: text.slice(d.start, d.end), message: d.message }));
}

// Two DPVS nodes; the deployment parameters lvs_node1 / lvs_node2 feed the local_address_group.
const YAML = `version: 1
dialect: dpvs
hosts:
  lvs-a:
    labels: [ddm_lvs1]
    interfaces:
      bond0: [10.186.87.105/23]
    configs: [lvs-a/keepalived.conf]
  lvs-b:
    labels: [ddm_lvs2]
    interfaces:
      bond0: [10.186.87.106/23]
    configs: [lvs-b/keepalived.conf]
parameters:
  lvs_node1: { value: 10.186.87.106, node_label: ddm_lvs1 }
  lvs_node2: { value: 10.186.87.105, node_label: ddm_lvs2 }
`;

const fnatConfig = (laddr: string) => `global_defs {
    router_id lvs-a
}

local_address_group laddr_g1 {
    ${laddr} bond0
}

virtual_server 10.186.86.79 8443 {
    lvs_sched rr
    lvs_method FNAT
    protocol TCP
    laddr_group_name laddr_g1
    real_server 10.186.80.11 8443 {
        weight 100
    }
}
`;

const vrrpConfig = (src: string, peer: string) => `vrrp_instance VI_LVS {
    state BACKUP
    interface bond0
    virtual_router_id 79
    priority 100
    unicast_src_ip ${src}
    unicast_peer {
        ${peer}
    }
    virtual_ipaddress {
        10.186.86.79/23 dev bond0
    }
}
`;

const A = `${WS_ROOT}/lvs-a/keepalived.conf`;

describe(RULE, () => {
  it('reports the partner node address in local_address_group, naming both hosts, the consequence and the parameter', () => {
    const run = lintMemoryWorkspace(YAML, { 'lvs-a/keepalived.conf': fnatConfig('10.186.87.106') });
    expect(workspaceHits(run, RULE)).toEqual([['lvs-a/keepalived.conf', 6, '10.186.87.106']]);
    const d = run.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain('10.186.87.106 is the address of lvs-b (labels ddm_lvs2)');
    expect(d.message).toContain('this file runs on lvs-a (labels ddm_lvs1)');
    expect(d.message).toContain('InPkts rising, OutPkts 0');
    expect(d.message).toContain('deployment parameter lvs_node1');
  });

  it("fixes a single local address to the host's own address in the same subnet", () => {
    const run = lintMemoryWorkspace(YAML, { 'lvs-a/keepalived.conf': fnatConfig('10.186.87.106') });
    const d = run.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.fix?.title).toBe("Use lvs-a's address 10.186.87.105");
    expect(applyFixTo(run.texts.get(A)!, d.fix!, A)).toBe(fnatConfig('10.186.87.105'));
  });

  it('reports a unicast_src_ip of the partner with the split-brain consequence, and fixes it', () => {
    const run = lintMemoryWorkspace(YAML, { 'lvs-a/keepalived.conf': vrrpConfig('10.186.87.106', '10.186.87.106') });
    expect(workspaceHits(run, RULE)).toEqual([['lvs-a/keepalived.conf', 6, '10.186.87.106']]);
    const d = run.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.message).toContain('both nodes may become MASTER');
    expect(applyFixTo(run.texts.get(A)!, d.fix!, A)).toBe(vrrpConfig('10.186.87.105', '10.186.87.106'));
  });

  it('reports a range that runs past the host, without a fix', () => {
    const run = lintMemoryWorkspace(YAML, { 'lvs-a/keepalived.conf': fnatConfig('10.186.87.105-106') });
    expect(workspaceHits(run, RULE)).toEqual([['lvs-a/keepalived.conf', 6, '10.186.87.105-106']]);
    const d = run.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.message).toContain('10.186.87.106 is the address of lvs-b');
    expect(d.fix).toBeUndefined();
  });

  it('reports a health-check bindto address that no host has', () => {
    const text = 'virtual_server 192.168.10.100 80 {\n    lvs_method DR\n    real_server 192.168.10.21 80 {\n        TCP_CHECK {\n            bindto 192.168.10.99\n            connect_timeout 3\n        }\n    }\n}\n';
    const hostFacts = facts([{ name: 'lb1', interfaces: { eth0: ['192.168.10.11/24'] } }, { name: 'lb2', interfaces: { eth0: ['192.168.10.12/24'] } }], [], 'lb1');
    const hits = foundWithFacts(text, hostFacts);
    expect(hits.map((h) => [h.line, h.text])).toEqual([[5, '192.168.10.99']]);
    expect(hits[0].message).toContain('192.168.10.99 is not an address of lb1 (nor of any host in the workspace)');
    expect(hits[0].message).toContain('the health check cannot bind');
  });

  it("does not report the host's own addresses", () => {
    const run = lintMemoryWorkspace(YAML, {
      'lvs-a/keepalived.conf': fnatConfig('10.186.87.105'),
      'lvs-b/keepalived.conf': vrrpConfig('10.186.87.106', '10.186.87.105'),
    });
    expect(workspaceHits(run, RULE)).toEqual([]);
  });

  it('says nothing about a file no host runs', () => {
    const run = lintMemoryWorkspace(YAML, { 'staging/keepalived.conf': fnatConfig('10.186.87.106') });
    expect(workspaceHits(run, RULE)).toEqual([]);
  });
});
