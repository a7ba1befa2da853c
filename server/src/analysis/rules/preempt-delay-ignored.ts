// preempt_delay that keepalived resets in vrrp_complete_instance() (keepalived/vrrp/vrrp.c):
// it only delays a BACKUP taking over, so it is cleared for an instance starting as MASTER,
// in strict mode and together with nopreempt.
import { initialState, instanceLabel, vrrpView } from '../model/vrrp.js';
import type { Rule } from '../rule.js';

export const preemptDelayIgnored: Rule = {
  meta: {
    id: 'preempt-delay-ignored',
    defaultSeverity: 'warning',
    category: 'vrrp',
    description: 'preempt_delay that keepalived clears: the instance starts as MASTER, runs in strict mode, or has nopreempt.',
    fixable: false,
  },
  check(context) {
    for (const instance of vrrpView(context.tree).instances) {
      const delay = instance.preemptDelay;
      if (!delay) continue;
      const at = delay.keyword.span;
      const label = instanceLabel(instance);
      if (initialState(instance) === 'MASTER') {
        const why = instance.state?.value === 'MASTER' ? `its initial state is MASTER (${context.lineRef(instance.state.word.span, at)})` : 'it is the address owner (priority 255) and starts as MASTER';
        context.report({ span: at, message: `preempt_delay has no effect in ${label} because ${why}: keepalived clears it, and the node takes over at once when it starts` });
      } else if (instance.strict) {
        context.report({
          span: at,
          message: `preempt_delay in ${label} is incompatible with strict mode (${instance.strict.keyword.value}, ${context.lineRef(instance.strict.keyword.span, at)}): keepalived resets it, and the node takes over at once`,
          related: [{ span: instance.strict.keyword.span, message: 'strict mode is set here' }],
        });
      } else if (instance.nopreempt && instance.basePriority !== 255) {
        context.report({
          span: at,
          message: `preempt_delay in ${label} is incompatible with nopreempt (${context.lineRef(instance.nopreempt.keyword.span, at)}): keepalived resets it; with nopreempt this node never takes over from a running master anyway`,
          related: [{ span: instance.nopreempt.keyword.span, message: 'nopreempt' }],
        });
      }
    }
  },
};
