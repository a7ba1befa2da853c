// `nopreempt` only works when the instance starts as BACKUP; with `state MASTER`
// keepalived clears it, so the node takes the VIP back whenever it returns.
import { childrenNamed, firstChild } from '../model/config-tree.js';
import type { Rule } from '../rule.js';

export const nopreemptWithMaster: Rule = {
  meta: {
    id: 'nopreempt-with-master',
    defaultSeverity: 'error',
    category: 'vrrp',
    description: "A vrrp_instance with nopreempt and state MASTER: keepalived silently drops nopreempt, so the node preempts anyway.",
    fixable: true,
  },
  check(context) {
    for (const instance of context.tree.all) {
      if (instance.def?.path !== 'vrrp_instance') continue;
      const nopreempt = firstChild(instance, 'nopreempt');
      const state = childrenNamed(instance, 'state').pop();
      const value = state?.args[0];
      if (!nopreempt || !value || value.value !== 'MASTER') continue;
      context.report({
        span: nopreempt.keyword.span,
        message: `nopreempt has no effect in ${instance.keyword.value} '${instance.args[0]?.value ?? ''}' because its state is MASTER (${context.lineRef(value.span, nopreempt.keyword.span)}): keepalived clears nopreempt, and this node takes the VIP back as soon as it returns. Use 'state BACKUP' on every node with nopreempt`,
        related: [{ span: value.span, message: 'initial state MASTER' }],
        // A `$STATE` reference is templating: changing it here would break the other hosts.
        fix: value.via ? undefined : { title: "Change 'state MASTER' to 'state BACKUP'", edits: [{ span: value.span, newText: 'BACKUP' }] },
      });
    }
  },
};
