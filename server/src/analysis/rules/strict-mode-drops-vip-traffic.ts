// vrrp_strict (or strict_mode) makes a non-owner instance default to no_accept, and keepalived
// then installs firewall rules (vrrp_iptables.c / vrrp_nftables.c) that drop every packet to
// the instance's VIPs while it is MASTER: the VIP answers ARP but carries no traffic.
// vrrp_complete_instance() in keepalived/vrrp/vrrp.c sets the default, and resets an explicit
// `accept` to no_accept for VRRP version 2 in strict mode.
import type { WordNode } from '../../../../grammar/index.js';
import { vipUses } from '../host/addresses.js';
import type { ConfigNode } from '../model/config-tree.js';
import { virtualServers } from '../model/lvs.js';
import { parseIp, sameAddress } from '../net/ip.js';
import type { Rule } from '../rule.js';

const OWNER_PRIORITY = 255;
const FALSE_WORDS = new Set(['false', 'off', 'no', '0']);

/** Last child of `names` (keepalived keeps the last of repeated options). */
function lastChild(node: ConfigNode, ...names: string[]): ConfigNode | undefined {
  return node.children.filter((c) => names.includes(c.keyword.value)).pop();
}

/** An optional boolean argument: absent means on. */
const isOn = (node: ConfigNode) => !node.args[0] || !FALSE_WORDS.has(node.args[0].value.toLowerCase());

/** Where strict mode comes from for this instance: its own strict_mode, else global_defs vrrp_strict. */
function strictSource(instance: ConfigNode, globalDefs: ConfigNode | undefined): ConfigNode | undefined {
  const own = lastChild(instance, 'strict_mode');
  if (own) return isOn(own) ? own : undefined;
  const global = globalDefs && lastChild(globalDefs, 'vrrp_strict');
  return global && isOn(global) ? global : undefined;
}

function vrrpVersion(instance: ConfigNode, globalDefs: ConfigNode | undefined): number {
  const own = lastChild(instance, 'version')?.args[0]?.value;
  const global = globalDefs && lastChild(globalDefs, 'vrrp_version')?.args[0]?.value;
  return Number(own ?? global ?? 2);
}

export const strictModeDropsVipTraffic: Rule = {
  meta: {
    id: 'strict-mode-drops-vip-traffic',
    defaultSeverity: 'error',
    category: 'vrrp',
    description: 'vrrp_strict without accept on a non-owner instance (priority < 255): keepalived installs firewall rules that drop all traffic to the VIPs while the node is MASTER.',
    fixable: false,
  },
  check(context) {
    const globalDefs = context.tree.roots.find((n) => n.def?.path === 'global_defs');
    const vips = vipUses(context.tree);
    const services = virtualServers(context.tree.roots);
    for (const instance of context.tree.all) {
      if (instance.def?.path !== 'vrrp_instance') continue;
      const strict = strictSource(instance, globalDefs);
      const priority = Number(lastChild(instance, 'priority')?.args[0]?.value ?? 100);
      if (!strict || priority === OWNER_PRIORITY) continue;
      const acceptNode = lastChild(instance, 'accept', 'no_accept');
      const version = vrrpVersion(instance, globalDefs);
      const acceptKept = acceptNode?.keyword.value === 'accept' && version === 3;
      if (acceptKept) continue;
      const own = vips.filter((v) => v.instance === instance);
      if (own.length === 0) continue;
      const served = services.find((vs) => {
        const address = vs.address && parseIp(vs.address.value);
        return address && own.some((v) => sameAddress(v.address, address));
      });
      // An explicit no_accept on a VIP no virtual_server uses is a choice, not a mistake.
      if (acceptNode?.keyword.value === 'no_accept' && !served) continue;
      const name = instance.args[0]?.value ?? '';
      const strictWhere = strict.keyword.value === 'vrrp_strict' ? 'vrrp_strict in global_defs' : 'strict_mode';
      const why = acceptNode?.keyword.value === 'accept'
        ? `its 'accept' is reset by keepalived because strict mode with VRRP version ${version} does not allow accept mode ("accept mode for VRRP version 2 does not comply with RFC3768 - resetting")`
        : acceptNode ? 'it sets no_accept' : `${strictWhere} makes no_accept the default for an instance that is not the address owner (priority ${priority} < 255)`;
      const target = served ? `virtual_server ${served.address!.value}${served.port ? ` ${served.port.value}` : ''} on it gets no traffic` : 'nothing reaches the VIP';
      const fix = version === 3 ? "add 'accept' to the instance, or remove vrrp_strict" : "remove vrrp_strict (or strict_mode), or use 'vrrp_version 3' with 'accept' in the instance";
      const related: Array<{ span: WordNode['span']; message: string }> = [{ span: strict.keyword.span, message: `${strict.keyword.value}: strict VRRP mode` }];
      if (acceptNode) related.push({ span: acceptNode.keyword.span, message: acceptNode.keyword.value });
      if (served) related.push({ span: served.address!.span, message: 'virtual_server on the VIP' });
      context.report({
        span: (instance.args[0] ?? instance.keyword).span,
        message: `VIP ${own.map((v) => v.word.value).join(', ')} of vrrp_instance ${name} drops all traffic while this node is MASTER: ${why}, so keepalived installs firewall rules (nftables table keepalived, or iptables chain INPUT with vrrp_iptables) that drop packets to the VIPs, and the ${target} (ping and TCP time out). To fix: ${fix}`,
        related,
      });
    }
  },
};
