// Where a config names addresses and interfaces of the host it runs on.
import type { WordNode } from '../../../../grammar/index.js';
import { addToIp, parseIp, type IpAddress } from '../net/ip.js';
import type { ConfigNode, ConfigTree } from '../model/config-tree.js';
import { wordAfter } from '../model/items.js';

export type LocalAddressRole = 'fnat-local' | 'unicast-source' | 'multicast-source' | 'check-bind';

export interface LocalAddressUse {
  role: LocalAddressRole;
  word: WordNode;
  /** Every address the word stands for (an `IP-LAST_OCTET` range gives several). */
  addresses: IpAddress[];
  node: ConfigNode;
}

/** `10.0.0.5` or `10.0.0.5-8` (last octet / last group range) as a list of addresses. */
export function expandRange(text: string): IpAddress[] {
  const [base, last] = text.split('-');
  const first = parseIp(base);
  if (!first) return [];
  if (last === undefined) return [first];
  const end = /^\d+$/.test(last) ? Number(last) : undefined;
  if (end === undefined || first.family !== 4) return [first];
  const start = Number(first.value & 255n);
  const out: IpAddress[] = [];
  for (let octet = start; octet <= end && out.length < 256; octet++) out.push(addToIp(first, BigInt(octet - start)));
  return out;
}

const SINGLE_ADDRESS_KEYWORDS: Record<string, LocalAddressRole> = {
  'vrrp_instance/unicast_src_ip': 'unicast-source',
  'vrrp_instance/mcast_src_ip': 'multicast-source',
};

export function localAddressUses(tree: ConfigTree): LocalAddressUse[] {
  const out: LocalAddressUse[] = [];
  for (const node of tree.all) {
    const path = node.def?.path;
    if (!path) continue;
    const role = SINGLE_ADDRESS_KEYWORDS[path] ?? (node.keyword.value === 'bindto' ? 'check-bind' : undefined);
    const word = node.args[0];
    if (role && word) {
      const address = parseIp(word.value.split('/')[0]);
      if (address) out.push({ role, word, addresses: [address], node });
    }
    if (path === 'local_address_group') {
      for (const item of node.items) {
        const first = item.words[0];
        const addresses = first ? expandRange(first.value) : [];
        if (addresses.length > 0) out.push({ role: 'fnat-local', word: first, addresses, node });
      }
    }
  }
  return out;
}

export interface InterfaceUse {
  word: WordNode;
  node: ConfigNode;
}

const INTERFACE_KEYWORDS = new Set(['vrrp_instance/interface', 'global_defs/lvs_sync_daemon', 'garp_group/interface', 'virtual_server/vip_bind_dev', 'vrrp_instance/lvs_sync_daemon_interface']);
const INTERFACE_LISTS = new Set(['vrrp_instance/track_interface', 'vrrp_sync_group/track_interface', 'garp_group/interfaces', 'linkbeat_interfaces']);
const DEV_ITEMS = new Set(['vrrp_instance/virtual_ipaddress', 'vrrp_instance/virtual_ipaddress_excluded', 'static_ipaddress', 'vrrp_instance/virtual_routes', 'static_routes']);

/** Every interface name the config expects on its host. */
export function interfaceUses(tree: ConfigTree): InterfaceUse[] {
  const out: InterfaceUse[] = [];
  for (const node of tree.all) {
    const path = node.def?.path;
    if (!path) continue;
    if (INTERFACE_KEYWORDS.has(path) && node.args[0]) out.push({ word: node.args[0], node });
    for (const item of node.items) {
      if (INTERFACE_LISTS.has(path) && item.words[0]) out.push({ word: item.words[0], node });
      const dev = DEV_ITEMS.has(path) ? wordAfter(item.words, 'dev') : undefined;
      if (dev) out.push({ word: dev, node });
      if (path === 'local_address_group' && item.words[1]) out.push({ word: item.words[1], node });
    }
  }
  return out;
}

export interface VipUse {
  word: WordNode;
  address: IpAddress;
  prefix?: number;
  dev?: WordNode;
  instance: ConfigNode;
}

/** vipUses of each tree: several host rules and the pair model ask it of every config of a fleet. */
const vipsOfTree = new WeakMap<ConfigTree, readonly VipUse[]>();

/** The virtual IP addresses of every vrrp_instance (including virtual_ipaddress_excluded). */
export function vipUses(tree: ConfigTree): readonly VipUse[] {
  let known = vipsOfTree.get(tree);
  if (!known) vipsOfTree.set(tree, (known = collectVips(tree)));
  return known;
}

function collectVips(tree: ConfigTree): VipUse[] {
  const out: VipUse[] = [];
  for (const node of tree.all) {
    const path = node.def?.path;
    if ((path !== 'vrrp_instance/virtual_ipaddress' && path !== 'vrrp_instance/virtual_ipaddress_excluded') || !node.parent) continue;
    for (const item of node.items) {
      const word = item.words[0];
      const [ip, prefix] = word.value.split('/');
      const address = parseIp(ip);
      if (address) out.push({ word, address, prefix: prefix === undefined ? undefined : Number(prefix), dev: wordAfter(item.words, 'dev'), instance: node.parent });
    }
  }
  return out;
}
