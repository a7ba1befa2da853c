// LVS view of the config tree: virtual servers with their forwarding method, port, protocol
// and real servers, independent of the spelling (lb_kind / lvs_method, lb_algo / lvs_sched).
import type { WordNode } from '../../../../grammar/index.js';
import { childrenNamed, type ConfigNode } from './config-tree.js';

export interface RealServerView {
  node: ConfigNode;
  address?: WordNode;
  port?: WordNode;
  /** The health check block (TCP_CHECK, HTTP_GET, ...), if any. */
  check?: ConfigNode;
}

export interface VirtualServerView {
  node: ConfigNode;
  /** IP address word, or undefined for `fwmark N` / `group NAME` services. */
  address?: WordNode;
  port?: WordNode;
  /** The mark of `virtual_server fwmark N`. */
  fwmark?: WordNode;
  /** The group name of `virtual_server group NAME`. */
  group?: WordNode;
  /** NAT, DR, TUN, FNAT, SNAT (upper case as written), from lvs_method or lb_kind. */
  method?: WordNode;
  protocol: string;
  localAddressGroup?: WordNode;
  realServers: RealServerView[];
}

const CHECKS = new Set(['TCP_CHECK', 'HTTP_GET', 'SSL_GET', 'MISC_CHECK', 'SMTP_CHECK', 'DNS_CHECK', 'UDP_CHECK', 'PING_CHECK', 'FILE_CHECK', 'BFD_CHECK']);

function lastValue(node: ConfigNode, ...names: string[]): WordNode | undefined {
  const found = node.children.filter((c) => names.includes(c.keyword.value)).pop();
  return found?.args[0];
}

/** Several rules ask for the same roots' virtual servers: build the views once per tree. */
const cache = new WeakMap<readonly ConfigNode[], VirtualServerView[]>();

export function virtualServers(roots: readonly ConfigNode[]): VirtualServerView[] {
  const cached = cache.get(roots);
  if (cached) return cached;
  const out: VirtualServerView[] = [];
  cache.set(roots, out);
  for (const node of roots) {
    if (node.def?.path !== 'virtual_server') continue;
    const [first, second] = node.args;
    const byAddress = first && first.value !== 'fwmark' && first.value !== 'group' && first.value !== 'match';
    out.push({
      node,
      address: byAddress ? first : undefined,
      port: byAddress ? second : undefined,
      fwmark: first?.value === 'fwmark' ? second : undefined,
      group: first?.value === 'group' ? second : undefined,
      method: lastValue(node, 'lvs_method', 'lb_kind'),
      protocol: (lastValue(node, 'protocol')?.value ?? 'TCP').toUpperCase(),
      localAddressGroup: lastValue(node, 'laddr_group_name'),
      realServers: childrenNamed(node, 'real_server').map((rs) => ({
        node: rs,
        address: rs.args[0],
        port: rs.args[1],
        check: rs.children.find((c) => CHECKS.has(c.keyword.value)),
      })),
    });
  }
  return out;
}

/** The entries of the `virtual_server_group NAME` blocks: address ranges with their port, and fwmarks. */
export interface GroupEntries {
  /** `IP[-LAST|/PREFIX] [PORT]`: the range word and the port word (no port: 0, all ports). */
  addresses: Array<{ range: WordNode; port?: WordNode }>;
  fwmarks: WordNode[];
}

export function groupEntries(roots: readonly ConfigNode[], name: string): GroupEntries {
  const out: GroupEntries = { addresses: [], fwmarks: [] };
  for (const group of roots) {
    if (group.keyword.value !== 'virtual_server_group' || group.args[0]?.value !== name) continue;
    for (const { words } of group.items) {
      if (words[0]?.value === 'fwmark') {
        if (words[1]) out.fwmarks.push(words[1]);
      } else if (words[0]) out.addresses.push({ range: words[0], port: words[1] });
    }
  }
  return out;
}

/** How keepalived's format_vs() names a service in its messages: the address and port, `fwmark N` or `group NAME`. */
export function serviceName(vs: VirtualServerView): string {
  if (vs.fwmark) return `virtual_server fwmark ${vs.fwmark.value}`;
  if (vs.group) return `virtual_server group ${vs.group.value}`;
  return `virtual_server ${vs.address?.value ?? ''} ${vs.port?.value ?? ''}`.trimEnd();
}
