// A node whose firewall drops its partner's VRRP adverts never hears the master, declares it
// dead after three advert intervals and becomes MASTER too: both nodes hold the VIPs (split
// brain). The advert is the packet the partner really sends: protocol 112 (51 with auth_type
// AH), from its unicast_src_ip / mcast_src_ip or its address on the instance's interface, to the
// multicast group (vrrp_mcast_group4/6, default 224.0.0.18 / ff02::12) or, with unicast_peer, to
// this node's address; it arrives on this instance's interface.
import { firstChild } from '../model/config-tree.js';
import { hasAddress, ownerOf } from '../host/lookup.js';
import { hostName as nameOf, vrrpClusters, type InstanceView } from '../host/pairs.js';
import type { FilterRuleFact, HostFact } from '../host/context.js';
import type { Packet } from '../host/packet-filter/model.js';
import { parseIp, sameAddress, type IpAddress } from '../net/ip.js';
import type { WorkspaceRule, WorkspaceRuleContext } from '../workspace-rule.js';

const firstWord = (instance: InstanceView, keyword: string) => firstChild(instance.node, keyword)?.args[0]?.value;

function globalValue(instance: InstanceView, keyword: string): string | undefined {
  const globalDefs = instance.config.tree.roots.find((n) => n.def?.path === 'global_defs');
  return globalDefs && firstChild(globalDefs, keyword)?.args[0]?.value;
}

/** The address the sender's adverts come from. */
function sourceOf(sender: InstanceView, family: 4 | 6): IpAddress | undefined {
  const written = parseIp(firstWord(sender, 'unicast_src_ip') ?? firstWord(sender, 'mcast_src_ip') ?? '');
  if (written) return written;
  const addresses = (sender.config.host?.addresses ?? []).filter((a) => a.address.family === family);
  return (addresses.find((a) => a.interface !== undefined && a.interface === sender.interface) ?? addresses.find((a) => a.interface === undefined))?.address;
}

/** The sender's unicast_peer addresses (undefined when it sends multicast). */
function unicastPeers(sender: InstanceView): IpAddress[] | undefined {
  const block = firstChild(sender.node, 'unicast_peer');
  return block && block.items.flatMap((item) => parseIp(item.words[0]?.value ?? '') ?? []);
}

/** The advert `sender` sends to `receiver`, or undefined when the facts do not say enough. */
export function advertPacket(sender: InstanceView, receiver: InstanceView, host: HostFact): Packet | undefined {
  const family = (receiver.vips[0]?.address.family ?? 4) as 4 | 6;
  const saddr = sourceOf(sender, family);
  if (!saddr) return undefined;
  const peers = unicastPeers(sender);
  const daddr = peers
    ? peers.find((p) => hasAddress(host, p))
    : parseIp(globalValue(sender, family === 4 ? 'vrrp_mcast_group4' : 'vrrp_mcast_group6') ?? (family === 4 ? '224.0.0.18' : 'ff02::12'));
  if (!daddr) return undefined;
  const auth = firstChild(sender.node, 'authentication');
  const ah = auth && firstChild(auth, 'auth_type')?.args[0]?.value.toUpperCase() === 'AH';
  return { family, saddr, daddr, protocol: ah ? 'ah' : 'vrrp', iif: receiver.interface };
}

const describeRule = (rule: FilterRuleFact) => rule.action === 'policy drop'
  ? `the policy drop of ${rule.backend} chain ${rule.chain} (table ${rule.table}, keepalived-lint.yaml line ${rule.line})`
  : `${rule.backend} rule '${rule.text}' (table ${rule.table}, chain ${rule.chain}, keepalived-lint.yaml line ${rule.line})`;

function staleNote(context: WorkspaceRuleContext, misses: Array<{ rule: FilterRuleFact; sources: IpAddress[] }>, sender: string, source: IpAddress): string {
  const miss = misses[0];
  if (!miss) return '';
  const named = miss.sources.filter((s) => !sameAddress(s, source)).map((s) => {
    const owner = ownerOf(context.facts, s);
    return `${s.text} (${owner ? `an address of ${owner.host.name}` : 'no known host has it: a stale address?'})`;
  });
  return `. The ACCEPT rule '${miss.rule.text}' (line ${miss.rule.line}) would let them in but names source ${named.join(', ')}, not ${sender}'s ${source.text}`;
}

export const vrrpBlockedByFirewall: WorkspaceRule = {
  meta: {
    id: 'vrrp-blocked-by-firewall',
    defaultSeverity: 'error',
    category: 'host',
    description: "A firewall rule or policy in a node's facts (iptables-save or nft list ruleset) that drops its partner's VRRP adverts: both nodes become MASTER (split brain).",
    fixable: false,
  },
  checkWorkspace(context) {
    const seen = new Set<string>();
    const hostName = (config: InstanceView['config']) => nameOf(context, config);
    for (const cluster of vrrpClusters(context.configs)) {
      for (const [receiver, sender] of cluster.flatMap((r) => cluster.filter((s) => s.config !== r.config).map((s) => [r, s]))) {
        const host = receiver.config.host;
        const packet = host?.inbound && advertPacket(sender, receiver, host);
        if (!host?.inbound || !packet) continue;
        const key = `${receiver.config.path}\u0000${receiver.name}\u0000${hostName(sender.config)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const decision = host.inbound(packet);
        const span = (receiver.node.args[0] ?? receiver.node.keyword).span;
        const advert = `VRRP adverts of ${hostName(sender.config)} (vrrp_instance ${sender.name}, protocol ${packet.protocol === 'ah' ? '51/AH' : '112'}, ${packet.saddr!.text} -> ${packet.daddr.text}${packet.iif ? ` on ${packet.iif}` : ''})`;
        const related = [{ ...context.location(sender.config, (sender.node.args[0] ?? sender.node.keyword).span), message: `vrrp_instance ${sender.name} on ${hostName(sender.config)}` }];
        if (decision.drop) {
          context.report({
            location: context.location(receiver.config, span),
            message: `vrrp_instance ${receiver.name} on ${host.name} never hears the ${advert}: ${describeRule(decision.drop)} ${decision.drop.action === 'reject' ? 'rejects' : 'drops'} them${decision.drop.action === 'policy drop' ? ' (no rule before it accepts them)' : ''}${staleNote(context, decision.nearMisses, hostName(sender.config), packet.saddr!)}. ${host.name} declares the master dead and becomes MASTER too: both nodes hold the VIPs (split brain)`,
            related: [{ ...decision.drop.location, message: `the ${decision.drop.action} in ${host.name}'s firewall facts` }, ...related],
          });
        } else if (decision.unsure.length > 0) {
          const { rule, condition } = decision.unsure[0];
          context.report({
            location: context.location(receiver.config, span),
            severity: 'info',
            message: `Could not tell whether ${host.name} lets in the ${advert}: ${rule.backend} rule '${rule.text}' (table ${rule.table}, chain ${rule.chain}, keepalived-lint.yaml line ${rule.line}) ${rule.action === 'drop' || rule.action === 'reject' ? rule.action + 's' : 'decides'} them if '${condition}' matches, which this check does not evaluate`,
            related: [{ ...rule.location, message: `the rule in ${host.name}'s firewall facts` }, ...related],
          });
        }
      }
    }
  },
};
