// A host's iptables and nftables facts as one question for rules: what happens to this packet
// on its way in? A drop in either backend drops it (both hook into netfilter). Findings point
// at the rule's line in keepalived-lint.yaml.
import type { Location } from '../../types.js';
import type { FilterRuleFact, InboundDecision } from '../context.js';
import { FilterEvaluator, type RuleRef } from './evaluator.js';
import type { Packet, PacketFilter } from './model.js';

export interface LocatedFilter {
  filter: PacketFilter;
  /** Where an offset of the facts text is in the workspace file, and its 1-based line there. */
  locate: (offset: number, length: number) => { location: Location; line: number };
}

function fact(backend: PacketFilter['backend'], ref: RuleRef, locate: LocatedFilter['locate'], reject = false): FilterRuleFact {
  const { chain, rule } = ref;
  const text = rule ? rule.text : 'policy drop';
  const verdict = rule?.verdict.kind;
  const action = !rule ? 'policy drop' : reject || verdict === 'reject' ? 'reject' : verdict === 'drop' || verdict === 'accept' ? verdict : 'other';
  return { backend, table: chain.table, chain: chain.name, text, action, ...locate(rule ? rule.offset : chain.offset, text.length) };
}

export function inboundOf(filters: readonly LocatedFilter[]): (packet: Packet, backends?: ReadonlyArray<PacketFilter['backend']>) => InboundDecision {
  const evaluators = filters.map((f) => ({ ...f, evaluator: new FilterEvaluator(f.filter) }));
  return (packet, backends) => {
    const out: InboundDecision = { unsure: [], nearMisses: [] };
    for (const { filter, locate, evaluator } of evaluators) {
      if (backends && !backends.includes(filter.backend)) continue;
      const decision = evaluator.decide(packet);
      for (const ref of decision.unsure) {
        const condition = ref.rule?.matches.find((m) => m.field === 'unknown');
        const verdict = ref.rule?.verdict;
        out.unsure.push({ rule: fact(filter.backend, ref, locate), condition: condition?.field === 'unknown' ? condition.text : verdict?.kind === 'unknown' ? verdict.text : 'a condition on a field this check leaves open' });
      }
      for (const ref of decision.nearMisses) {
        const sources = ref.rule!.matches.flatMap((m) => (m.field === 'saddr' ? m.prefixes.map((p) => p.address) : []));
        out.nearMisses.push({ rule: fact(filter.backend, ref, locate), sources });
      }
      if (decision.drop && !out.drop) out.drop = fact(filter.backend, decision.drop, locate, decision.drop.reject);
    }
    return out;
  };
}
