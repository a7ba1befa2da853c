// Settings that strict mode (global vrrp_strict or the instance's strict_mode) overrides, as
// vrrp_complete_instance() (keepalived/vrrp/vrrp.c) checks them: the initial state must match
// being the address owner, VRRPv3 for IPv6, and RFC timers and adverts. (Its check against
// unicast peers never fires in 2.2.7: it runs before the unicast flag is set.)
// Authentication (authentication-ignored), preempt_delay (preempt-delay-ignored) and accept
// (strict-mode-drops-vip-traffic) have their own rules.
import type { WordNode } from '../../../../grammar/index.js';
import type { ConfigNode } from '../model/config-tree.js';
import { instanceLabel, vrrpView, type VrrpInstanceView } from '../model/vrrp.js';
import type { Rule, RuleContext } from '../rule.js';

const truthy = (node: ConfigNode) => node.args.length === 0 || ['true', 'on', 'yes'].includes(node.args[0].value);
const number = (node: ConfigNode) => (/^\d+$/.test(node.args[0]?.value ?? '') ? Number(node.args[0].value) : undefined);

/** The last line of `name` in the instance. */
const lastLine = (instance: VrrpInstanceView, name: string) => instance.node.children.filter((c) => c.keyword.value === name).pop();

interface Conflict {
  at: WordNode;
  message: string;
}

function conflicts(instance: VrrpInstanceView): Conflict[] {
  const out: Conflict[] = [];
  const label = instanceLabel(instance);
  if (instance.family === 6 && instance.versionLine?.value === 2) {
    out.push({ at: instance.versionLine.word, message: `strict mode cannot use IPv6 with VRRP version 2: keepalived runs ${label} as version 3` });
  }
  const state = instance.state;
  if (state && (state.value === 'MASTER') !== (instance.basePriority === 255)) {
    const owner = instance.basePriority === 255;
    out.push({
      at: state.word,
      message: `in strict mode state MASTER must match being the address owner (priority 255): ${label} has ${owner ? 'priority 255' : `priority ${instance.basePriority}`}, so keepalived starts it as ${owner ? 'MASTER' : 'BACKUP'} instead of ${state.value}`,
    });
  }
  const reset = (name: string, bad: (node: ConfigNode) => boolean, what: string) => {
    const node = lastLine(instance, name);
    if (node && bad(node)) out.push({ at: node.keyword, message: `${what} in ${label} is incompatible with strict mode: keepalived resets it` });
  };
  reset('down_timer_adverts', (n) => number(n) !== undefined && number(n) !== 3, 'down_timer_adverts other than 3');
  reset('garp_lower_prio_repeat', (n) => (number(n) ?? 0) > 0, 'garp_lower_prio_repeat');
  reset('garp_lower_prio_delay', (n) => (number(n) ?? 0) > 0, 'garp_lower_prio_delay');
  reset('lower_prio_no_advert', (n) => !truthy(n), 'lower_prio_no_advert false');
  reset('higher_prio_send_advert', truthy, 'higher_prio_send_advert');
  if (instance.vmac) reset('vmac_xmit_base', () => true, 'vmac_xmit_base');
  const first = instance.vips[0];
  if (instance.family === 6 && instance.unicastPeers.length === 0 && first && !/^fe[89ab]/i.test(first.word.value)) {
    out.push({ at: first.word, message: `in strict mode the first IPv6 VIP of ${label} must be link-local (fe80::/10); ${first.word.value} is not, so other RFC 5798 routers reject its adverts` });
  }
  return out;
}

function report(context: RuleContext, instance: VrrpInstanceView, conflict: Conflict): void {
  const strict = instance.strict!;
  context.report({
    span: conflict.at.span,
    message: `${conflict.message} (strict mode from ${strict.keyword.value}, ${context.lineRef(strict.keyword.span, conflict.at.span)})`,
    related: [{ span: strict.keyword.span, message: 'strict mode is set here' }],
  });
}

export const strictModeConflict: Rule = {
  meta: {
    id: 'strict-mode-conflict',
    defaultSeverity: 'warning',
    category: 'vrrp',
    description: 'A vrrp_instance setting that strict mode (vrrp_strict / strict_mode) overrides or rejects: state vs address owner, IPv6 with version 2, timers and adverts.',
    fixable: false,
  },
  check(context) {
    for (const instance of vrrpView(context.tree).instances) {
      if (!instance.strict) continue;
      for (const conflict of conflicts(instance)) report(context, instance, conflict);
    }
  },
};
