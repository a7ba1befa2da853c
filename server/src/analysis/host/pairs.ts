// VRRP groups across the workspace: the instances of different hosts that share a segment (a
// VIP, or a subnet of the instance's interface on each host), an address family and a
// virtual_router_id. VRRP keeps the families apart, so an IPv4 and an IPv6 instance with one
// VRID never meet. Inside a group, the members whose VIP sets overlap are one cluster (the
// nodes that back each other up); two clusters in one group collide on the VRID.
import type { WordNode } from '../../../../grammar/index.js';
import { firstChild, type ConfigNode } from '../model/config-tree.js';
import { inSubnet, sameAddress } from '../net/ip.js';
import type { ConfigModel, WorkspaceRuleContext } from '../workspace-rule.js';
import { vipUses, type VipUse } from './addresses.js';
import type { HostAddressFact } from './context.js';

export interface InstanceView {
  config: ConfigModel;
  node: ConfigNode;
  name: string;
  vrid: WordNode;
  interface?: string;
  family: 4 | 6;
  vips: VipUse[];
}

export interface VrrpGroup {
  members: InstanceView[];
  /** Members joined by shared VIPs; more than one cluster is a VRID collision. */
  clusters: InstanceView[][];
}

function instances(config: ConfigModel): InstanceView[] {
  const vips = vipUses(config.tree);
  return config.tree.all
    .filter((n) => n.def?.path === 'vrrp_instance')
    .flatMap((node) => {
      const vrid = firstChild(node, 'virtual_router_id')?.args[0];
      if (!vrid) return [];
      const own = vips.filter((v) => v.instance === node);
      // keepalived takes the family from the first VIP (or native_ipv6 when it has none).
      const family = own[0]?.address.family ?? (firstChild(node, 'native_ipv6') ? 6 : 4);
      return [{ config, node, name: node.args[0]?.value ?? '', vrid, interface: firstChild(node, 'interface')?.args[0]?.value, family, vips: own }];
    });
}

/** Addresses of the instance's interface on its host (all addresses when names are unknown). */
export function segmentAddresses(instance: InstanceView): HostAddressFact[] {
  const addresses = instance.config.host?.addresses ?? [];
  const onInterface = addresses.filter((a) => a.interface !== undefined && a.interface === instance.interface);
  return onInterface.length > 0 ? onInterface : addresses.filter((a) => a.interface === undefined);
}

const sharesVip = (a: InstanceView, b: InstanceView) => a.vips.some((x) => b.vips.some((y) => sameAddress(x.address, y.address)));

function sameSegment(a: InstanceView, b: InstanceView): boolean {
  if (sharesVip(a, b)) return true;
  const [x, y] = [segmentAddresses(a), segmentAddresses(b)];
  return x.some((p) => y.some((q) => inSubnet(q.address, p.address, p.prefix)));
}

/** Connected components of `items` under `linked`. */
function components<T>(items: readonly T[], linked: (a: T, b: T) => boolean): T[][] {
  const parent = items.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) if (linked(items[i], items[j])) parent[root(i)] = root(j);
  }
  const out = new Map<number, T[]>();
  items.forEach((item, i) => out.set(root(i), [...(out.get(root(i)) ?? []), item]));
  return [...out.values()];
}

const sameHost = (a: InstanceView, b: InstanceView) => a.config === b.config || (a.config.host !== undefined && a.config.host === b.config.host);

export function vrrpGroups(configs: readonly ConfigModel[]): VrrpGroup[] {
  const byKey = new Map<string, InstanceView[]>();
  for (const instance of configs.flatMap(instances)) {
    const key = `${instance.family}\u0000${instance.vrid.value}`;
    byKey.set(key, [...(byKey.get(key) ?? []), instance]);
  }
  const groups: VrrpGroup[] = [];
  for (const candidates of byKey.values()) {
    for (const members of components(candidates, (a, b) => !sameHost(a, b) && sameSegment(a, b))) {
      if (members.length < 2) continue;
      // Instances without VIPs join the first cluster: they cannot be told apart by address.
      const [withVips, without] = [members.filter((m) => m.vips.length > 0), members.filter((m) => m.vips.length === 0)];
      const clusters = withVips.length > 0 ? components(withVips, sharesVip) : [[]];
      clusters[0].push(...without);
      groups.push({ members, clusters });
    }
  }
  return groups;
}

/** The clusters of every group that have a partner: the nodes meant to back each other up. */
export function vrrpClusters(configs: readonly ConfigModel[]): InstanceView[][] {
  return vrrpGroups(configs).flatMap((g) => g.clusters).filter((c) => c.length > 1);
}

/** Configs that back each other up (they hold a VRRP cluster), each pair once. */
export function configPairs(configs: readonly ConfigModel[]): Array<[ConfigModel, ConfigModel]> {
  const seen = new Set<string>();
  const out: Array<[ConfigModel, ConfigModel]> = [];
  for (const cluster of vrrpClusters(configs)) {
    for (let i = 0; i < cluster.length; i++) {
      for (let j = i + 1; j < cluster.length; j++) {
        const [a, b] = [cluster[i].config, cluster[j].config];
        const key = `${a.path}\u0000${b.path}`;
        if (a === b || seen.has(key)) continue;
        seen.add(key);
        out.push([a, b]);
      }
    }
  }
  return out;
}

/** The host a config runs on, or its path relative to the workspace root. */
export function hostName(context: Pick<WorkspaceRuleContext, 'facts'>, config: ConfigModel): string {
  if (config.host) return config.host.name;
  const root = context.facts.workspacePath.slice(0, context.facts.workspacePath.lastIndexOf('/') + 1);
  return root && config.path.startsWith(root) ? config.path.slice(root.length) : config.path;
}

/** `lb2` / `lb2 and lb3` / `lb2, lb3 and lb4`. */
export function joinNames(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The hosts of `members`, each once, joined as `joinNames` does. */
export function hostList(context: Pick<WorkspaceRuleContext, 'facts'>, members: readonly InstanceView[]): string {
  return joinNames([...new Set(members.map((m) => hostName(context, m.config)))]);
}

/**
 * Reports a disagreement once per member of a cluster: at `anchor(member)`, naming every peer
 * it disagrees with, whose anchors are the related information.
 */
export function reportAgainstPeers(
  context: WorkspaceRuleContext,
  cluster: readonly InstanceView[],
  differs: (member: InstanceView, peer: InstanceView) => boolean,
  anchor: (member: InstanceView) => ConfigNode,
  message: (member: InstanceView, peers: InstanceView[]) => string,
  what: string,
): void {
  for (const member of cluster) {
    const peers = cluster.filter((p) => p !== member && differs(member, p));
    if (peers.length === 0) continue;
    context.report({
      location: context.location(member.config, anchor(member).keyword.span),
      message: message(member, peers),
      related: peers.map((peer) => ({ ...context.location(peer.config, anchor(peer).keyword.span), message: `${what} on ${hostName(context, peer.config)}` })),
    });
  }
}

/** VRRP version of an instance: its own `version`, else global_defs `vrrp_version`, else 2. */
export function vrrpVersion(instance: InstanceView): number {
  const own = firstChild(instance.node, 'version')?.args[0]?.value;
  const globalDefs = instance.config.tree.roots.find((n) => n.def?.path === 'global_defs');
  const global = globalDefs && firstChild(globalDefs, 'vrrp_version')?.args[0]?.value;
  return Number(own ?? global ?? 2);
}
