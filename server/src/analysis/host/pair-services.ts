// The LVS services of configs that back each other up, matched across the configs. A service
// matches its twin by address, port and protocol; when each side has exactly one service at an
// address and port, they match by those alone and the protocol is a setting that differs
// (pair-virtual-server-settings-differ), not a service missing on one side.
import { virtualServers, type VirtualServerView } from '../model/lvs.js';
import { serviceKey } from '../model/service-keys.js';
import type { ConfigModel } from '../workspace-rule.js';
import { configPairs } from './pairs.js';

/** The service without its protocol: `address:port`, or the words of `fwmark N` / `group NAME`. */
const endpointKey = (vs: VirtualServerView) => (vs.address ? `${vs.address.value}:${vs.port?.value ?? 0}` : vs.node.args.map((a) => a.value).join(' '));

interface ServiceIndex {
  byKey: Map<string, VirtualServerView>;
  byEndpoint: Map<string, VirtualServerView[]>;
}

const indexes = new WeakMap<ConfigModel, ServiceIndex>();

function indexOf(config: ConfigModel): ServiceIndex {
  let index = indexes.get(config);
  if (index) return index;
  index = { byKey: new Map(), byEndpoint: new Map() };
  for (const vs of virtualServers(config.tree.roots)) {
    if (!index.byKey.has(serviceKey(vs))) index.byKey.set(serviceKey(vs), vs);
    const endpoint = endpointKey(vs);
    index.byEndpoint.set(endpoint, [...(index.byEndpoint.get(endpoint) ?? []), vs]);
  }
  indexes.set(config, index);
  return index;
}

/** The service of `peer` that is `vs` of `own` there, if `peer` has it. */
export function counterpart(vs: VirtualServerView, own: ConfigModel, peer: ConfigModel): VirtualServerView | undefined {
  const theirs = indexOf(peer);
  const same = theirs.byKey.get(serviceKey(vs));
  if (same) return same;
  const mine = indexOf(own).byEndpoint.get(endpointKey(vs)) ?? [];
  const atEndpoint = theirs.byEndpoint.get(endpointKey(vs)) ?? [];
  return mine.length === 1 && atEndpoint.length === 1 ? atEndpoint[0] : undefined;
}

/** Configs linked by VRRP clusters, transitively: a failover can move a service between any two. */
export function failoverDomains(configs: readonly ConfigModel[]): ConfigModel[][] {
  const domainOf = new Map<ConfigModel, Set<ConfigModel>>();
  for (const [a, b] of configPairs(configs)) {
    const [x, y] = [domainOf.get(a) ?? new Set([a]), domainOf.get(b) ?? new Set([b])];
    const merged = x === y ? x : new Set([...x, ...y]);
    for (const config of merged) domainOf.set(config, merged);
  }
  // Keep the workspace's order of configs inside each domain.
  return [...new Set(domainOf.values())].map((domain) => configs.filter((c) => domain.has(c)));
}

export interface SharedService {
  /** One entry per config of the domain that has the service. */
  copies: Array<{ config: ConfigModel; vs: VirtualServerView }>;
}

/** The services of a failover domain that more than one of its configs define, matched by `counterpart`. */
export function sharedServices(domain: readonly ConfigModel[]): SharedService[] {
  const out: SharedService[] = [];
  const placed = new Set<VirtualServerView>();
  domain.forEach((config, i) => {
    for (const vs of virtualServers(config.tree.roots)) {
      if (placed.has(vs)) continue;
      const copies = [{ config, vs }];
      for (const peer of domain.slice(i + 1)) {
        const twin = counterpart(vs, config, peer);
        if (twin && !placed.has(twin)) copies.push({ config: peer, vs: twin });
      }
      for (const copy of copies) placed.add(copy.vs);
      if (copies.length > 1) out.push({ copies });
    }
  });
  return out;
}
