// Follows a packet through the base chains of a packet filter (prerouting, then input, each
// hook by priority), rule by rule in chain order, through jumps and gotos to user chains.
// Each chain's rules are indexed by destination, so a lookup reads only the rules that can
// match the packet's address (2,000 VIPs against 40,000 rules stay near-linear).
import { networkOf } from '../../net/ip.js';
import { matchPacket, ruleMatches, type FilterChain, type FilterRule, type Packet, type PacketFilter } from './model.js';

export interface RuleRef {
  chain: FilterChain;
  /** Undefined for the chain's policy. */
  rule?: FilterRule;
}

export interface Decision {
  /** What drops (or rejects) the packet, if anything certainly does. */
  drop?: RuleRef & { reject: boolean };
  /** Drops on the way that depend on conditions we do not model or on open packet fields. */
  unsure: RuleRef[];
  /** ACCEPT rules that would have let the packet through but for their source address. */
  nearMisses: RuleRef[];
}

type Walk = { end: 'accept' | 'return' } | { end: 'drop'; ref: RuleRef; reject: boolean };

const MAX_DEPTH = 32;
const HOOK_ORDER = { prerouting: 0, input: 1 };

/** Rules of one chain by the destination they are limited to. */
class ChainIndex {
  private readonly anywhere: number[] = [];
  private readonly bySubnet = new Map<string, { family: 4 | 6; prefix: number; networks: Map<bigint, number[]> }>();

  constructor(chain: FilterChain) {
    chain.rules.forEach((rule, order) => {
      const daddr = rule.matches.find((m) => m.field === 'daddr');
      if (!daddr || daddr.field !== 'daddr' || daddr.negated || daddr.prefixes.length === 0) {
        this.anywhere.push(order);
        return;
      }
      for (const { address, prefix } of daddr.prefixes) {
        const key = `${address.family}/${prefix}`;
        let group = this.bySubnet.get(key);
        if (!group) this.bySubnet.set(key, (group = { family: address.family, prefix, networks: new Map() }));
        const network = networkOf(address, prefix);
        const list = group.networks.get(network);
        if (list) list.push(order);
        else group.networks.set(network, [order]);
      }
    });
  }

  /** Positions of the rules that can match `packet`, in chain order. */
  candidates(packet: Packet): number[] {
    const lists = [this.anywhere];
    for (const group of this.bySubnet.values()) {
      const list = group.family === packet.daddr.family ? group.networks.get(networkOf(packet.daddr, group.prefix)) : undefined;
      if (list) lists.push(list);
    }
    if (lists.length === 1) return this.anywhere;
    return [...new Set(lists.flat())].sort((a, b) => a - b);
  }
}

export class FilterEvaluator {
  private readonly chains = new Map<string, FilterChain>();
  private readonly indexes = new Map<FilterChain, ChainIndex>();
  private readonly bases: FilterChain[];

  constructor(readonly filter: PacketFilter) {
    for (const chain of filter.chains) this.chains.set(`${chain.table}\u0000${chain.name}`, chain);
    this.bases = filter.chains
      .map((chain, order) => ({ chain, order }))
      .filter(({ chain }) => chain.hook)
      .sort((a, b) => HOOK_ORDER[a.chain.hook!] - HOOK_ORDER[b.chain.hook!] || a.chain.priority - b.chain.priority || a.order - b.order)
      .map(({ chain }) => chain);
  }

  decide(packet: Packet): Decision {
    const decision: Decision = { unsure: [], nearMisses: [] };
    for (const chain of this.bases) {
      if (!chain.families.includes(packet.family)) continue;
      const walk = this.walk(chain, packet, true, 0, decision);
      if (walk.end === 'drop') return { ...decision, drop: { ...walk.ref, reject: walk.reject } };
      if (walk.end === 'return' && chain.policy === 'drop') return { ...decision, drop: { chain, reject: false } };
    }
    return decision;
  }

  private index(chain: FilterChain): ChainIndex {
    let index = this.indexes.get(chain);
    if (!index) this.indexes.set(chain, (index = new ChainIndex(chain)));
    return index;
  }

  /** The chain's outcome for the packet; `certain` is false below a jump that may not match. */
  private walk(chain: FilterChain, packet: Packet, certain: boolean, depth: number, decision: Decision): Walk {
    if (depth > MAX_DEPTH) return { end: 'return' };
    for (const position of this.index(chain).candidates(packet)) {
      const rule = chain.rules[position];
      const matched = ruleMatches(rule, packet);
      const { verdict } = rule;
      if (matched === 'no') {
        if (verdict.kind === 'accept' && this.missesOnlyBySource(rule, packet)) decision.nearMisses.push({ chain, rule });
        continue;
      }
      const sure = certain && matched === 'yes';
      switch (verdict.kind) {
        case 'accept':
          // An accept that may match ends the search: never call traffic blocked that may pass.
          return { end: 'accept' };
        case 'drop':
        case 'reject':
          if (sure) return { end: 'drop', ref: { chain, rule }, reject: verdict.kind === 'reject' };
          decision.unsure.push({ chain, rule });
          break;
        case 'return':
          if (sure) return { end: 'return' };
          break;
        case 'jump':
        case 'goto': {
          const target = this.chains.get(`${chain.table}\u0000${verdict.chain}`);
          if (!target) break;
          const inner = this.walk(target, packet, sure, depth + 1, decision);
          if (inner.end !== 'return') return inner;
          if (verdict.kind === 'goto' && sure) return { end: 'return' };
          break;
        }
        case 'unknown':
          decision.unsure.push({ chain, rule });
          break;
        case 'continue':
          break;
      }
    }
    return { end: 'return' };
  }

  private missesOnlyBySource(rule: FilterRule, packet: Packet): boolean {
    let bySource = false;
    for (const match of rule.matches) {
      if (matchPacket(match, packet) !== 'no') continue;
      if (match.field !== 'saddr') return false;
      bySource = true;
    }
    return bySource;
  }
}
