// `label` (and `scope`) on an IPv6 address: Linux has no address labels or scopes for IPv6,
// so alloc_ipaddress() (keepalived/vrrp/vrrp_ipaddress.c) drops them ("Cannot specify label
// for IPv6 addresses - ignoring label"). Applies to every address list: virtual_ipaddress,
// virtual_ipaddress_excluded and static_ipaddress.
import { itemShape, wordAfter } from '../model/items.js';
import { parseIpPrefix } from '../net/ip.js';
import type { Rule } from '../rule.js';

export const labelOnIpv6Address: Rule = {
  meta: {
    id: 'label-on-ipv6-address',
    defaultSeverity: 'warning',
    category: 'vrrp',
    description: "An IPv6 address with 'label' or 'scope': keepalived ignores them (IPv6 addresses have neither).",
    fixable: false,
  },
  check(context) {
    for (const node of context.tree.all) {
      if (!node.def || node.def.kind !== 'value_block' || itemShape(node.def, context.schema)?.grammar !== '@ip_address_spec') continue;
      for (const item of node.items) {
        const address = item.words[0];
        if (parseIpPrefix(address?.value ?? '')?.address.family !== 6) continue;
        for (const option of ['label', 'scope']) {
          const value = wordAfter(item.words, option);
          if (!value) continue;
          const word = item.words.find((w) => w.value === option)!;
          context.report({
            span: word.span,
            message: `${option} ${value.value} on IPv6 address ${address.value} in ${node.keyword.value} is ignored: keepalived drops the ${option} of IPv6 addresses${option === 'label' ? ' (interface labels such as eth0:1 exist for IPv4 only)' : ''}`,
          });
        }
      }
    }
  },
};
