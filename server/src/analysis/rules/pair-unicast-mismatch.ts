// Unicast VRRP only reaches the addresses listed in unicast_peer. A member of a cluster that
// does not list a partner, lists an address no known host has (left over from a rebuild), or
// speaks multicast while its partners speak unicast, never hears or is never heard: both
// nodes become MASTER.
import type { WordNode } from '../../../../grammar/index.js';
import { hasAddress, ownerOf } from '../host/lookup.js';
import { hostList, hostName, segmentAddresses, vrrpClusters, type InstanceView } from '../host/pairs.js';
import { firstChild } from '../model/config-tree.js';
import { formatIp, parseIp, sameAddress, type IpAddress } from '../net/ip.js';
import type { WorkspaceRule, WorkspaceRuleContext } from '../workspace-rule.js';

interface PeerEntry { word: WordNode; address: IpAddress }

function peerEntries(member: InstanceView): PeerEntry[] | undefined {
  const block = firstChild(member.node, 'unicast_peer');
  if (!block) return undefined;
  return block.items.flatMap((item) => {
    const word = item.words[0];
    const address = word && parseIp(word.value.split('/')[0]);
    return address ? [{ word, address }] : [];
  });
}

const sourceIp = (member: InstanceView) => firstChild(member.node, 'unicast_src_ip')?.args[0];

/** The address a partner sends its adverts from: unicast_src_ip, else its interface address. */
function advertSource(member: InstanceView): { address: IpAddress; fact: string } | undefined {
  const written = sourceIp(member);
  const address = written && parseIp(written.value);
  if (address) return { address, fact: `unicast_src_ip ${formatIp(address)}` };
  const own = segmentAddresses(member).find((a) => a.address.family === member.family);
  return own && { address: own.address, fact: `${formatIp(own.address)}${own.interface ? ` on ${own.interface}` : ''}` };
}

/** Whether `entries` reach `peer`: they name its advert source or any address of its host. */
function reaches(entries: readonly PeerEntry[], peer: InstanceView): boolean | undefined {
  const source = advertSource(peer);
  if (!source && !peer.config.host) return undefined;
  return entries.some((e) => (source && sameAddress(e.address, source.address)) || (peer.config.host && hasAddress(peer.config.host, e.address)));
}

function checkList(context: WorkspaceRuleContext, member: InstanceView, entries: PeerEntry[], peers: InstanceView[]): void {
  const missing = peers.filter((p) => reaches(entries, p) === false);
  const self = member.config.host;
  // An address of no host in the workspace file; the node's own address is unicast-peer-is-self's.
  const stale = context.facts.hosts.length === 0 ? [] : entries.filter((e) => !ownerOf(context.facts, e.address) && !(self && hasAddress(self, e.address)));
  const name = hostName(context, member.config);
  const wanted = (p: InstanceView) => `${hostName(context, p.config)} (${advertSource(p)?.fact ?? 'no known address'})`;
  for (const entry of stale) {
    const replacement = missing.length === 1 && stale.length === 1 ? advertSource(missing[0]) : undefined;
    context.report({
      location: context.location(member.config, entry.word.span),
      severity: missing.length > 0 ? 'error' : 'warning',
      message: `unicast_peer ${entry.word.value} of vrrp_instance ${member.name} on ${name} is an address of no host in the workspace file (stale after a rebuild?)${missing.length > 0 ? `, and the list lacks its partner ${missing.map(wanted).join(', ')}: ${name} sends its adverts nowhere and the partner becomes MASTER too` : ': adverts to it go nowhere'}`,
      related: missing.map((p) => ({ ...context.location(p.config, p.node.keyword.span), message: `vrrp_instance ${p.name} on ${hostName(context, p.config)}` })),
      fix: replacement && !entry.word.via ? { title: `Use ${hostName(context, missing[0].config)}'s address ${formatIp(replacement.address)}`, edits: [{ ...context.location(member.config, entry.word.span), newText: formatIp(replacement.address) }] } : undefined,
    });
  }
  if (stale.length > 0 || missing.length === 0) return;
  const block = firstChild(member.node, 'unicast_peer')!;
  context.report({
    location: context.location(member.config, block.keyword.span),
    message: `unicast_peer of vrrp_instance ${member.name} on ${name} lacks its partner ${missing.map(wanted).join(', ')}: ${name}'s adverts never reach ${hostList(context, missing)}, which becomes MASTER too`,
    related: missing.map((p) => ({ ...context.location(p.config, p.node.keyword.span), message: `vrrp_instance ${p.name} on ${hostName(context, p.config)}` })),
  });
}

/** unicast_src_ip that the host has, but on another interface than the instance's. */
function checkSource(context: WorkspaceRuleContext, member: InstanceView): void {
  const word = sourceIp(member);
  const address = word && parseIp(word.value);
  const fact = address && member.config.host?.addresses.find((a) => sameAddress(a.address, address));
  if (!word || !fact?.interface || !member.interface || fact.interface === member.interface) return;
  context.report({
    location: context.location(member.config, word.span),
    severity: 'warning',
    message: `unicast_src_ip ${word.value} of vrrp_instance ${member.name} is on ${fact.interface} of ${hostName(context, member.config)}, not on the instance's interface ${member.interface}: adverts leave ${member.interface} with another interface's source, which reverse-path filtering and the partners' unicast_peer lists may not expect`,
    related: [{ ...fact.location, message: `${formatIp(fact.address)} on ${fact.interface}` }],
  });
}

export const pairUnicastMismatch: WorkspaceRule = {
  meta: {
    id: 'pair-unicast-mismatch',
    defaultSeverity: 'error',
    category: 'pair',
    description: "The members of a VRRP cluster disagree on unicast: a unicast_peer list lacks a partner or names an address of no known host, one member is unicast and another multicast, or unicast_src_ip is on another interface.",
    fixable: true,
  },
  checkWorkspace(context) {
    for (const cluster of vrrpClusters(context.configs)) {
      const unicast = cluster.filter((m) => peerEntries(m));
      for (const member of unicast) checkSource(context, member);
      if (unicast.length === 0) continue;
      if (unicast.length < cluster.length) {
        for (const member of cluster.filter((m) => !unicast.includes(m))) {
          context.report({
            location: context.location(member.config, member.node.keyword.span),
            message: `vrrp_instance ${member.name} on ${hostName(context, member.config)} sends multicast adverts, but ${hostList(context, unicast)} use unicast_peer: neither side hears the other and both become MASTER. Give every member a unicast_peer list, or none`,
            related: unicast.map((p) => ({ ...context.location(p.config, firstChild(p.node, 'unicast_peer')!.keyword.span), message: `unicast_peer on ${hostName(context, p.config)}` })),
          });
        }
        continue;
      }
      for (const member of cluster) checkList(context, member, peerEntries(member)!, cluster.filter((p) => p !== member));
    }
  },
};
