// track_interface entries keepalived already has: an instance always tracks its own interface,
// so vrrp_complete_instance() (keepalived/vrrp/vrrp.c) drops it from the instance's
// track_interface; a sync group tracking an interface its member already tracks is merged by
// add_vrrp_to_interface() with "configured on VRRP instance and sync group".
import { instanceLabel, vrrpView } from '../model/vrrp.js';
import type { Rule } from '../rule.js';

export const redundantTrackInterface: Rule = {
  meta: {
    id: 'redundant-track-interface',
    defaultSeverity: 'info',
    category: 'vrrp',
    description: "A track_interface keepalived drops or merges: the instance's own interface, or an interface tracked by both an instance and its sync group.",
    fixable: false,
  },
  check(context) {
    const view = vrrpView(context.tree);
    for (const instance of view.instances) {
      const own = instance.interface;
      for (const t of instance.trackInterfaces) {
        if (t.name.value !== own?.value) continue;
        context.report({
          span: t.name.span,
          severity: t.weight !== 0 ? 'warning' : undefined,
          message: `keepalived ignores track_interface ${t.name.value} in ${instanceLabel(instance)} since it is the instance's own interface (${context.lineRef(own.span, t.name.span)}), which it always tracks${t.weight !== 0 ? `: the weight ${t.weight} is dropped, and the interface going down puts the instance in FAULT` : ''}`,
          related: [{ span: own.span, message: 'the instance\'s interface' }],
        });
      }
    }
    for (const group of view.syncGroups) {
      for (const g of group.trackInterfaces) {
        for (const { instance } of group.members) {
          if (!instance) continue;
          const listed = instance.trackInterfaces.find((t) => t.name.value === g.name.value && t.name.value !== instance.interface?.value);
          const ownTracked = instance.interface?.value === g.name.value && !instance.node.children.some((c) => c.keyword.value === 'dont_track_primary');
          if (!listed && !ownTracked) continue;
          const at = listed ? listed.name : instance.interface!;
          const how = listed ? `in its track_interface` : `as its own interface`;
          context.report({
            span: at.span,
            message: `track_interface ${g.name.value} is configured on ${instanceLabel(instance)} (${how}) and on its vrrp_sync_group '${group.name}' (${context.lineRef(g.name.span, at.span)}): keepalived tracks it once, and warns. Remove one of them`,
            related: [{ span: g.name.span, message: `tracked by vrrp_sync_group '${group.name}'` }],
          });
        }
      }
    }
  },
};
