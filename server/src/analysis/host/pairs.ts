// VRRP pairs across the workspace: instances of two hosts' configs with the same
// virtual_router_id on the same segment (a shared VIP or a shared subnet).
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
  vips: VipUse[];
}

export interface VrrpPair {
  a: InstanceView;
  b: InstanceView;
}

function instances(config: ConfigModel): InstanceView[] {
  const vips = vipUses(config.tree);
  return config.tree.all
    .filter((n) => n.def?.path === 'vrrp_instance')
    .flatMap((node) => {
      const vrid = firstChild(node, 'virtual_router_id')?.args[0];
      return vrid ? [{ config, node, name: node.args[0]?.value ?? '', vrid, interface: firstChild(node, 'interface')?.args[0]?.value, vips: vips.filter((v) => v.instance === node) }] : [];
    });
}

/** Addresses of the instance's interface on its host (all addresses when names are unknown). */
function segmentAddresses(instance: InstanceView): HostAddressFact[] {
  const addresses = instance.config.host?.addresses ?? [];
  const onInterface = addresses.filter((a) => a.interface !== undefined && a.interface === instance.interface);
  return onInterface.length > 0 ? onInterface : addresses.filter((a) => a.interface === undefined);
}

function sameSegment(a: InstanceView, b: InstanceView): boolean {
  const sharedVip = a.vips.some((x) => b.vips.some((y) => sameAddress(x.address, y.address)));
  if (sharedVip) return true;
  const [x, y] = [segmentAddresses(a), segmentAddresses(b)];
  return x.some((p) => y.some((q) => inSubnet(q.address, p.address, p.prefix)));
}

export function vrrpPairs(configs: readonly ConfigModel[]): VrrpPair[] {
  const all = configs.flatMap(instances);
  const pairs: VrrpPair[] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const [a, b] = [all[i], all[j]];
      if (a.config === b.config || a.vrid.value !== b.vrid.value) continue;
      if (a.config.host && a.config.host === b.config.host) continue;
      if (sameSegment(a, b)) pairs.push({ a, b });
    }
  }
  return pairs;
}

/** Configs that back each other up (they hold a VRRP pair), each pair once. */
export function configPairs(configs: readonly ConfigModel[]): Array<[ConfigModel, ConfigModel]> {
  const seen = new Set<string>();
  const out: Array<[ConfigModel, ConfigModel]> = [];
  for (const { a, b } of vrrpPairs(configs)) {
    const key = `${a.config.path}\u0000${b.config.path}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push([a.config, b.config]);
    }
  }
  return out;
}

export const hostName = (config: ConfigModel) => config.host?.name ?? config.path;

/**
 * Reports a disagreement of a pair on both sides: at `anchor(side)` in each config, with the
 * peer's anchor as related information.
 */
export function reportBothSides(
  context: WorkspaceRuleContext,
  pair: VrrpPair,
  anchor: (side: InstanceView) => ConfigNode,
  message: (side: InstanceView, peer: InstanceView) => string,
  what: string,
): void {
  for (const [side, peer] of [[pair.a, pair.b], [pair.b, pair.a]]) {
    context.report({
      location: context.location(side.config, anchor(side).keyword.span),
      message: message(side, peer),
      related: [{ ...context.location(peer.config, anchor(peer).keyword.span), message: `${what} on ${hostName(peer.config)}` }],
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
