// Sync groups keepalived does not run as written, from vrrp_complete_init() and
// vrrp_sync_set_group() (keepalived/vrrp/vrrp.c, vrrp_sync.c): a group without members is
// removed, an instance already in a group is not added to a second one, and a group of one
// instance synchronises nothing. Member names that match no instance are undefined-reference's.
import { instanceLabel, vrrpView } from '../model/vrrp.js';
import type { Rule } from '../rule.js';

export const syncGroupMembership: Rule = {
  meta: {
    id: 'sync-group-membership',
    defaultSeverity: 'warning',
    category: 'vrrp',
    description: 'A vrrp_sync_group with no members (removed), one member (synchronises nothing), or a member that is already in another sync group (ignored).',
    fixable: false,
  },
  check(context) {
    const view = vrrpView(context.tree);
    const firstGroup = new Map<string, string>();
    for (const group of view.syncGroups) {
      const at = (group.node.args[0] ?? group.node.keyword).span;
      if (group.members.length === 0) {
        context.report({
          span: at,
          message: `vrrp_sync_group '${group.name}' has no virtual routers${group.group ? ' in its group block' : " (no 'group' block)"}: keepalived removes the sync group, so its notify scripts and tracking are ignored`,
        });
        continue;
      }
      for (const member of group.members) {
        const taken = firstGroup.get(member.word.value);
        if (!member.instance && taken !== undefined) {
          context.report({
            span: member.word.span,
            severity: 'error',
            message: `vrrp_instance '${member.word.value}' is already in vrrp_sync_group '${taken}': an instance cannot be in more than one sync group, so keepalived leaves it out of '${group.name}'`,
          });
        }
        if (member.instance) firstGroup.set(member.word.value, group.name);
      }
      const joined = group.members.filter((m) => m.instance);
      if (joined.length === 1) {
        context.report({
          span: at,
          severity: 'info',
          message: `vrrp_sync_group '${group.name}' has only one virtual router (${instanceLabel(joined[0].instance!)}): a sync group of one synchronises nothing. Add the instances that must change state together, or remove the group`,
        });
      }
    }
  },
};
