// The same VIP in two vrrp_instances. keepalived 2.2.7 does not compare the instances' addresses:
// each instance adds its VIPs when it becomes MASTER and vrrp_restore_interface()
// (keepalived/vrrp/vrrp.c) deletes them when it leaves MASTER, whatever another instance holds.
// So the instance that goes BACKUP or FAULT takes the address away from the one still MASTER.
import type { WordNode } from '../../../../grammar/index.js';
import { childrenNamed, type ConfigNode } from '../model/config-tree.js';
import { wordAfter } from '../model/items.js';
import { vrrpView } from '../model/vrrp.js';
import { formatIp, parseIp, parseIpPrefix } from '../net/ip.js';
import type { Rule } from '../rule.js';

const VIP_BLOCKS = ['virtual_ipaddress', 'virtual_ipaddress_excluded'];

interface Vip {
  instance: ConfigNode;
  word: WordNode;
  device: string;
}

/** The VIPs of an instance as keepalived installs them: address, and the device (`dev X`, else the instance's interface). */
function vipsOf(instance: ConfigNode, iface: string): Array<Vip & { key: string }> {
  const out: Array<Vip & { key: string }> = [];
  for (const block of VIP_BLOCKS.flatMap((name) => childrenNamed(instance, name))) {
    for (const item of block.items) {
      const word = item.words[0];
      const address = word && (parseIpPrefix(word.value)?.address ?? parseIp(word.value));
      if (!address) continue;
      const device = wordAfter(item.words, 'dev')?.value ?? iface;
      out.push({ instance, word, device, key: `${formatIp(address)}\u0000${device}` });
    }
  }
  return out;
}

export const duplicateVip: Rule = {
  meta: {
    id: 'duplicate-vip',
    defaultSeverity: 'warning',
    category: 'vrrp',
    description: 'The same virtual IP address in two vrrp_instances: the one that leaves MASTER deletes the address the other still serves.',
    fixable: false,
  },
  check(context) {
    const first = new Map<string, Vip>();
    // The instances keepalived keeps: a second one with a taken name is duplicate-definition's finding.
    for (const { node: instance, interface: iface } of vrrpView(context.tree).instances) {
      for (const vip of vipsOf(instance, iface?.value ?? '')) {
        const earlier = first.get(vip.key);
        if (!earlier) {
          first.set(vip.key, vip);
          continue;
        }
        if (earlier.instance === instance) continue;
        const other = earlier.instance.args[0]?.value ?? '';
        context.report({
          span: vip.word.span,
          message: `${vip.word.value} is also a VIP of vrrp_instance '${other}' (${context.lineRef(earlier.word.span, vip.word.span)})${vip.device ? ` on ${vip.device}` : ''}: each instance adds it when it becomes MASTER and deletes it when it leaves MASTER, so whichever goes BACKUP first takes the address away from the other. Keep each VIP in one instance`,
          related: [{ span: earlier.word.span, message: `the same VIP in vrrp_instance '${other}'` }],
        });
      }
    }
  },
};
