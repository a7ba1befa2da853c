// A VIP without `dev` is added to the instance's interface; outside every subnet of that
// interface it gets no route, so it answers nothing beyond the host itself.
import { vipUses } from '../host/addresses.js';
import { firstChild } from '../model/config-tree.js';
import { inSubnet } from '../net/ip.js';
import type { Rule } from '../rule.js';

export const vipOutsideInterfaceSubnet: Rule = {
  meta: {
    id: 'vip-outside-interface-subnet',
    defaultSeverity: 'warning',
    category: 'host',
    description: "A VIP without 'dev' that lies in no subnet of the instance's interface on the host running the file.",
    fixable: false,
  },
  check(context) {
    const self = context.facts?.self;
    if (!self || self.interfaces.length === 0) return;
    for (const vip of vipUses(context.tree)) {
      if (vip.dev) continue;
      const iface = firstChild(vip.instance, 'interface')?.args[0]?.value;
      const subnets = self.addresses.filter((a) => a.interface === iface && a.address.family === vip.address.family);
      if (!iface || subnets.length === 0 || subnets.some((a) => inSubnet(vip.address, a.address, a.prefix))) continue;
      context.report({
        span: vip.word.span,
        message: `VIP ${vip.word.value} is in no subnet of ${iface} on ${self.name} (${subnets.map((a) => `${a.address.text}/${a.prefix}`).join(', ')}); without 'dev' keepalived adds it to ${iface}, where neighbours cannot reach it unless a route points there`,
      });
    }
  },
};
