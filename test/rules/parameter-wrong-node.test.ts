import { describe, expect, it } from 'vitest';
import { applyFixTo } from '../helpers/lint-text.js';
import { lintMemoryWorkspace, workspaceHits, WS_ROOT } from '../helpers/workspace.js';

const RULE = 'parameter-wrong-node';
const YAML_PATH = `${WS_ROOT}/keepalived-lint.yaml`;

const yaml = (node1: string, node2: string, label2 = 'ddm_lvs2') => `version: 1
dialect: dpvs
hosts:
  lvs-a:
    labels: [ddm_lvs1]
    interfaces:
      bond0: [10.186.87.105/23]
  lvs-b:
    labels: [ddm_lvs2]
    interfaces:
      bond0: [10.186.87.106/23]
parameters:
  lvs_node1: { value: ${node1}, node_label: ddm_lvs1 }
  lvs_node2: { value: ${node2}, node_label: ${label2} }
`;

const diagnostics = (text: string) => lintMemoryWorkspace(text, {}).diagnostics.filter((d) => d.rule === RULE);

describe(RULE, () => {
  it("reports a value that is no host's address and names the labelled node", () => {
    const run = lintMemoryWorkspace(yaml('10.186.87.200', '10.186.87.106'), {});
    expect(workspaceHits(run, RULE)).toEqual([['keepalived-lint.yaml', 13, '10.186.87.200']]);
    const [d] = diagnostics(yaml('10.186.87.200', '10.186.87.106'));
    expect(d.severity).toBe('error');
    expect(d.message).toContain('lvs_node1 must hold the address of the node labelled ddm_lvs1');
    expect(d.message).toContain('10.186.87.200 is not an address of any host in this file');
    expect(d.message).toContain('the node labelled ddm_lvs1 is lvs-a');
  });

  it("fixes the value to the labelled node's address", () => {
    const text = yaml('10.186.87.200', '10.186.87.106');
    const [d] = diagnostics(text);
    expect(d.fix?.title).toBe("Use lvs-a's address 10.186.87.105");
    expect(applyFixTo(text, d.fix!, YAML_PATH)).toBe(yaml('10.186.87.105', '10.186.87.106'));
  });

  it('reports the address of a host without the label (both parameters on one node)', () => {
    const text = yaml('10.186.87.105', '10.186.87.105');
    expect(workspaceHits(lintMemoryWorkspace(text, {}), RULE)).toEqual([['keepalived-lint.yaml', 14, '10.186.87.105']]);
    const [d] = diagnostics(text);
    expect(d.message).toContain('10.186.87.105 is the address of lvs-a (labels ddm_lvs1)');
    expect(applyFixTo(text, d.fix!, YAML_PATH)).toBe(yaml('10.186.87.105', '10.186.87.106'));
  });

  it('says when no host carries the label, without a fix', () => {
    const [d, ...rest] = diagnostics(yaml('10.186.87.105', '10.186.87.106', 'ddm_lvs3'));
    expect(rest).toEqual([]);
    expect(d.message).toContain('no host has the label ddm_lvs3');
    expect(d.fix).toBeUndefined();
  });

  it('leaves a swapped pair to swapped-node-parameters', () => {
    const run = lintMemoryWorkspace(yaml('10.186.87.106', '10.186.87.105'), {});
    expect(workspaceHits(run, RULE)).toEqual([]);
    expect(workspaceHits(run, 'swapped-node-parameters')).toHaveLength(1);
  });

  it('accepts correct values and values that are not addresses', () => {
    expect(diagnostics(yaml('10.186.87.105', '10.186.87.106'))).toEqual([]);
    expect(diagnostics(yaml('lvs-a.example.net', '10.186.87.106'))).toEqual([]);
  });
});
