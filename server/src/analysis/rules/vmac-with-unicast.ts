// use_vmac / use_ipvlan in a unicast instance: vrrp_end_handler() (keepalived/vrrp/vrrp_parser.c)
// rewrites it. Without an interface the VMAC is dropped; with one, adverts must leave from the
// base interface, so keepalived turns vmac_xmit_base on by itself.
import { instanceLabel, vrrpView } from '../model/vrrp.js';
import type { Rule } from '../rule.js';

export const vmacWithUnicast: Rule = {
  meta: {
    id: 'vmac-with-unicast',
    defaultSeverity: 'warning',
    category: 'vrrp',
    description: 'use_vmac or use_ipvlan in a unicast vrrp_instance: keepalived adds vmac_xmit_base itself, or drops the VMAC when there is no interface.',
    fixable: false,
  },
  check(context) {
    for (const instance of vrrpView(context.tree).instances) {
      const vmac = instance.vmac ?? instance.ipvlan;
      const unicast = instance.unicastKeywords[0];
      if (!vmac || !unicast) continue;
      const kind = vmac.keyword.value;
      const related = [{ span: unicast.keyword.span, message: `${unicast.keyword.value} makes the instance unicast` }];
      if (!instance.interface) {
        context.report({
          span: vmac.keyword.span,
          severity: 'error',
          message: `${kind} in ${instanceLabel(instance)} is dropped: a unicast instance (${unicast.keyword.value}, ${context.lineRef(unicast.keyword.span, vmac.keyword.span)}) without 'interface' cannot use a VMAC/ipvlan, so keepalived clears ${kind} and the VIPs go on no VMAC interface`,
          related,
        });
      } else if (!instance.vmacXmitBase) {
        context.report({
          span: vmac.keyword.span,
          message: `unicast with ${kind} requires vmac_xmit_base in ${instanceLabel(instance)}: keepalived sets it itself, so adverts are sent from the base interface ${instance.interface.value}, not from the VMAC. Add 'vmac_xmit_base' to say so`,
          related,
        });
      }
    }
  },
};
