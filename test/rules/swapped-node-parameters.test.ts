import { describe, expect, it } from 'vitest';
import { applyFixTo } from '../helpers/lint-text.js';
import { lintMemoryWorkspace, workspaceHits, WS_ROOT } from '../helpers/workspace.js';

const RULE = 'swapped-node-parameters';
const YAML_PATH = `${WS_ROOT}/keepalived-lint.yaml`;

const yaml = (node1: string, node2: string, labels = true) => `version: 1
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
  lvs_node1: ${labels ? `{ value: ${node1}, node_label: ddm_lvs1 }` : node1}
  lvs_node2: ${labels ? `{ value: ${node2}, node_label: ddm_lvs2 }` : node2}
  lvs_floating_ip: 10.186.86.79
`;

describe(RULE, () => {
  it("reports two node-bound parameters holding each other's node address, in the workspace file", () => {
    const run = lintMemoryWorkspace(yaml('10.186.87.106', '10.186.87.105'), {});
    expect(workspaceHits(run, RULE)).toEqual([['keepalived-lint.yaml', 15, '10.186.87.106']]);
    const d = run.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain('parameters lvs_node1 and lvs_node2 are swapped');
    expect(d.message).toContain('lvs_node1 must hold the address of the node labelled ddm_lvs1 but holds 10.186.87.106, the address of lvs-b (labels ddm_lvs2)');
    expect(d.message).toContain('lvs_node2 must hold the address of the node labelled ddm_lvs2 but holds 10.186.87.105, the address of lvs-a (labels ddm_lvs1)');
  });

  it('points at the other parameter and both hosts as related places', () => {
    const text = yaml('10.186.87.106', '10.186.87.105');
    const d = lintMemoryWorkspace(text, {}).diagnostics.find((x) => x.rule === RULE)!;
    expect(d.related!.map((r) => text.slice(r.start, r.end))).toEqual(['10.186.87.105', 'lvs-b', 'lvs-a']);
  });

  it('fixes by swapping the two values', () => {
    const text = yaml('10.186.87.106', '10.186.87.105');
    const d = lintMemoryWorkspace(text, {}).diagnostics.find((x) => x.rule === RULE)!;
    expect(d.fix?.title).toBe('Swap the values of lvs_node1 and lvs_node2');
    expect(applyFixTo(text, d.fix!, YAML_PATH)).toBe(yaml('10.186.87.105', '10.186.87.106'));
  });

  it('accepts parameters that match their labels', () => {
    expect(workspaceHits(lintMemoryWorkspace(yaml('10.186.87.105', '10.186.87.106'), {}), RULE)).toEqual([]);
  });

  it('does not call a single wrong parameter a swap', () => {
    expect(workspaceHits(lintMemoryWorkspace(yaml('10.186.87.105', '10.186.87.105'), {}), RULE)).toEqual([]);
  });

  it('ignores parameters that are not bound to a node label', () => {
    expect(workspaceHits(lintMemoryWorkspace(yaml('10.186.87.106', '10.186.87.105', false), {}), RULE)).toEqual([]);
  });
});
