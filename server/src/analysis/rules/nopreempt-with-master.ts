// `nopreempt` only works when the instance starts as BACKUP. vrrp_complete_instance()
// (keepalived/vrrp/vrrp.c) clears it for the address owner (priority 255) and for an instance
// starting as MASTER, so the node takes the VIP back whenever it returns.
import { initialState, instanceLabel, vrrpView } from '../model/vrrp.js';
import type { Rule } from '../rule.js';

export const nopreemptWithMaster: Rule = {
  meta: {
    id: 'nopreempt-with-master',
    defaultSeverity: 'error',
    category: 'vrrp',
    description: "A vrrp_instance with nopreempt and state MASTER (or priority 255): keepalived silently drops nopreempt, so the node preempts anyway.",
    fixable: true,
  },
  check(context) {
    for (const instance of vrrpView(context.tree).instances) {
      const nopreempt = instance.nopreempt;
      if (!nopreempt) continue;
      const at = nopreempt.keyword.span;
      const priority = instance.priority;
      if (instance.basePriority === 255) {
        const cause = priority ? `its priority is 255 (${context.lineRef(priority.word.span, at)})` : `it starts as MASTER without a priority, which makes it priority 255`;
        context.report({
          span: at,
          message: `nopreempt has no effect in ${instanceLabel(instance)} because ${cause}, the address owner: keepalived clears nopreempt, and the owner always takes the VIP back. Use a priority below 255 and 'state BACKUP' on every node with nopreempt`,
          related: priority ? [{ span: priority.word.span, message: 'priority 255' }] : undefined,
        });
        continue;
      }
      const state = instance.state;
      if (!state || initialState(instance) !== 'MASTER') continue;
      context.report({
        span: at,
        message: `nopreempt has no effect in ${instanceLabel(instance)} because its state is MASTER (${context.lineRef(state.word.span, at)}): keepalived clears nopreempt, and this node takes the VIP back as soon as it returns. Use 'state BACKUP' on every node with nopreempt`,
        related: [{ span: state.word.span, message: 'initial state MASTER' }],
        // A `$STATE` reference is templating: changing it here would break the other hosts. With
        // two `state MASTER` lines changing one would not help: keepalived keeps any MASTER.
        fix: state.word.via || instance.node.children.filter((c) => c.keyword.value === 'state' && c.args[0]?.value === 'MASTER').length > 1 ? undefined : { title: "Change 'state MASTER' to 'state BACKUP'", edits: [{ span: state.word.span, newText: 'BACKUP' }] },
      });
    }
  },
};
