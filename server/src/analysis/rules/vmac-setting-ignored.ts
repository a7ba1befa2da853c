// VMAC-related keywords vrrp_complete_instance() (keepalived/vrrp/vrrp.c) drops: vmac_xmit_base
// without use_vmac ("only valid with a vmac"), promote_secondaries on a VMAC/ipvlan (keepalived
// sets it itself), and an IPv4 use_ipvlan without its address ("requires a source ip address",
// the instance stays in FAULT).
import { instanceLabel, vrrpView } from '../model/vrrp.js';
import type { Rule } from '../rule.js';

export const vmacSettingIgnored: Rule = {
  meta: {
    id: 'vmac-setting-ignored',
    defaultSeverity: 'warning',
    category: 'vrrp',
    description: 'vmac_xmit_base without use_vmac, promote_secondaries with a VMAC, or IPv4 use_ipvlan without an address (the instance stays in FAULT).',
    fixable: false,
  },
  check(context) {
    for (const instance of vrrpView(context.tree).instances) {
      const label = instanceLabel(instance);
      const xmit = instance.vmacXmitBase;
      if (xmit && !instance.vmac) {
        context.report({ span: xmit.keyword.span, message: `vmac_xmit_base in ${label} is only valid with use_vmac: keepalived ignores it` });
      }
      const vmac = instance.vmac ?? instance.ipvlan;
      if (vmac && instance.promoteSecondaries) {
        context.report({
          span: instance.promoteSecondaries.keyword.span,
          severity: 'info',
          message: `promote_secondaries in ${label} is redundant: keepalived sets it automatically on the ${vmac.keyword.value} interface, and ignores this line`,
        });
      }
      const ipvlan = instance.ipvlan;
      if (ipvlan && instance.family === 4 && !ipvlan.args.some((w) => /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(w.value))) {
        context.report({
          span: ipvlan.keyword.span,
          severity: 'error',
          message: `IPv4 use_ipvlan in ${label} requires a source address ('use_ipvlan [NAME] ADDRESS/PREFIX'): without one keepalived puts the instance in FAULT state, so it never becomes MASTER`,
        });
      }
    }
  },
};
