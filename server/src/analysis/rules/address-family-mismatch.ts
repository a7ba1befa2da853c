// A VIP or unicast peer of the other address family than its vrrp_instance. The first address
// keepalived reads (VIP, unicast_src_ip, mcast_src_ip or peer) sets the instance's family;
// alloc_vrrp_vip() (keepalived/vrrp/vrrp_data.c) then drops VIPs of the other family
// ("address family must match VRRP instance"), alloc_vrrp_unicast_peer() drops such peers.
// IPv4 and IPv6 VIPs need two instances (virtual_ipaddress_excluded takes both families).
import { instanceLabel, vrrpView, type AddressItem, type VrrpInstanceView } from '../model/vrrp.js';
import type { Rule, RuleContext } from '../rule.js';

const familyName = (f: 4 | 6) => (f === 4 ? 'IPv4' : 'IPv6');

function report(context: RuleContext, instance: VrrpInstanceView, address: AddressItem, what: string, consequence: string): void {
  const from = instance.familyFrom!;
  context.report({
    span: address.word.span,
    message: `${what} ${address.word.value} is ${familyName(address.family)}, but ${instanceLabel(instance)} is ${familyName(instance.family)} (set by ${from.value}, ${context.lineRef(from.span, address.word.span)}): keepalived ignores it, ${consequence}`,
    related: [{ span: from.span, message: `the first address, which makes the instance ${familyName(instance.family)}` }],
  });
}

export const addressFamilyMismatch: Rule = {
  meta: {
    id: 'address-family-mismatch',
    defaultSeverity: 'error',
    category: 'vrrp',
    description: 'A virtual_ipaddress or unicast_peer whose address family differs from its vrrp_instance\'s: keepalived ignores it.',
    fixable: false,
  },
  check(context) {
    for (const instance of vrrpView(context.tree).instances) {
      for (const vip of instance.foreignFamilyVips) {
        report(context, instance, vip, 'virtual_ipaddress', `so this address never moves on failover. Put ${familyName(vip.family)} VIPs in their own vrrp_instance, or under virtual_ipaddress_excluded`);
      }
      for (const peer of instance.foreignFamilyPeers) report(context, instance, peer, 'unicast_peer', 'so no advert is sent to it');
    }
  },
};
