// Two deployment parameters bound to node labels, each holding the address of the node the
// other one is bound to: the configs rendered from them point every node at its partner.
import { describeHost, parameterOwner } from '../host/lookup.js';
import type { ParameterFact } from '../host/context.js';
import type { WorkspaceRule } from '../workspace-rule.js';

export function swappedPairs(parameters: readonly ParameterFact[], ownerLabels: (p: ParameterFact) => string[] | undefined): Array<[ParameterFact, ParameterFact]> {
  const pairs: Array<[ParameterFact, ParameterFact]> = [];
  const bound = parameters.filter((p) => p.nodeLabel);
  for (let i = 0; i < bound.length; i++) {
    for (let j = i + 1; j < bound.length; j++) {
      const [a, b] = [bound[i], bound[j]];
      const la = ownerLabels(a);
      const lb = ownerLabels(b);
      if (!la || !lb || la.includes(a.nodeLabel!) || lb.includes(b.nodeLabel!)) continue;
      if (la.includes(b.nodeLabel!) && lb.includes(a.nodeLabel!)) pairs.push([a, b]);
    }
  }
  return pairs;
}

export const swappedNodeParameters: WorkspaceRule = {
  meta: {
    id: 'swapped-node-parameters',
    defaultSeverity: 'error',
    category: 'parameters',
    description: 'Two node-bound deployment parameters whose values are swapped: each holds the address of the node the other is bound to.',
    fixable: true,
  },
  checkWorkspace(context) {
    const { facts } = context;
    const owner = (p: ParameterFact) => parameterOwner(facts, p);
    for (const [a, b] of swappedPairs(facts.parameters, (p) => owner(p)?.host.labels)) {
      const ownerA = owner(a)!.host;
      const ownerB = owner(b)!.host;
      context.report({
        location: a.valueLocation,
        message: `parameters ${a.name} and ${b.name} are swapped: ${a.name} must hold the address of the node labelled ${a.nodeLabel} but holds ${a.value}, the address of ${describeHost(ownerA)}; ${b.name} must hold the address of the node labelled ${b.nodeLabel} but holds ${b.value}, the address of ${describeHost(ownerB)}. Every config rendered from them points each node at its partner (for FNAT: local_address_group on the wrong node, replies never return)`,
        related: [{ ...b.valueLocation, message: `${b.name} = ${b.value}` }, { ...ownerA.location, message: `${ownerA.name}` }, { ...ownerB.location, message: `${ownerB.name}` }],
        fix: {
          title: `Swap the values of ${a.name} and ${b.name}`,
          edits: [{ ...a.valueLocation, newText: b.value }, { ...b.valueLocation, newText: a.value }],
        },
      });
    }
  },
};
