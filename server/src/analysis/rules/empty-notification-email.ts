// An empty notification_email block in global_defs: email_handler() (keepalived/core/global_parser.c)
// warns and configures no recipient, so smtp_alert sends nothing.
import type { Rule } from '../rule.js';

export const emptyNotificationEmail: Rule = {
  meta: {
    id: 'empty-notification-email',
    defaultSeverity: 'info',
    category: 'style',
    description: 'An empty notification_email block: keepalived warns and no alert e-mail has a recipient.',
    fixable: false,
  },
  check(context) {
    for (const node of context.tree.all) {
      if (node.def?.path !== 'global_defs/notification_email' || node.items.length > 0) continue;
      context.report({
        span: node.keyword.span,
        message: 'notification_email block is empty: keepalived warns ("empty notification_email block") and sends no alert e-mail. Add recipients, or remove the block',
      });
    }
  },
};
