// A node-bound deployment parameter holding an address of a host without that label.
import type { ParameterFact } from '../host/context.js';
import { describeHost, parameterOwner, replacementAddress } from '../host/lookup.js';
import { parseIp } from '../net/ip.js';
import type { WorkspaceRule } from '../workspace-rule.js';
import { swappedPairs } from './swapped-node-parameters.js';

export const parameterWrongNode: WorkspaceRule = {
  meta: {
    id: 'parameter-wrong-node',
    defaultSeverity: 'error',
    category: 'parameters',
    description: 'A node-bound deployment parameter whose value is the address of a host without that node label, or of no known host.',
    fixable: true,
  },
  checkWorkspace(context) {
    const { facts } = context;
    const owner = (p: ParameterFact) => parameterOwner(facts, p);
    const swapped = new Set(swappedPairs(facts.parameters, (p) => owner(p)?.host.labels).flat());
    for (const parameter of facts.parameters) {
      if (!parameter.nodeLabel || swapped.has(parameter) || !parseIp(parameter.value)) continue;
      const found = owner(parameter);
      if (found?.host.labels.includes(parameter.nodeLabel)) continue;
      const labelled = facts.hosts.filter((h) => h.labels.includes(parameter.nodeLabel!));
      const value = parseIp(parameter.value)!;
      const right = labelled.length === 1 ? replacementAddress(labelled[0], value) : undefined;
      context.report({
        location: parameter.valueLocation,
        message: `${parameter.name} must hold the address of the node labelled ${parameter.nodeLabel}, but ${parameter.value} is ${found ? `the address of ${describeHost(found.host)}` : 'not an address of any host in this file'}${labelled.length === 1 ? `; the node labelled ${parameter.nodeLabel} is ${labelled[0].name}` : labelled.length === 0 ? `; no host has the label ${parameter.nodeLabel}` : ''}`,
        fix: right ? { title: `Use ${labelled[0].name}'s address ${right.address.text}`, edits: [{ ...parameter.valueLocation, newText: right.address.text }] } : undefined,
      });
    }
  },
};
