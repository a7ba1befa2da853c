// Weights keepalived will not apply. In a sync group (without sync_group_tracking_weight) an
// instance's priority must not float, and the address owner (priority 255) cannot lower its
// priority: vrrp_complete_instance() (keepalived/vrrp/vrrp.c) zeroes or drops the weighted
// track_interface/track_script/track_file entries of such instances, and
// sync_group_tracking_init() clears the weights a sync group with an owner member tracks.
import { instanceLabel, vrrpView, type SyncGroupView, type TrackedItem, type VrrpInstanceView } from '../model/vrrp.js';
import type { Rule, RuleContext } from '../rule.js';

type Kind = 'track_interface' | 'track_script' | 'track_file';

function report(context: RuleContext, tracked: TrackedItem, message: string, severity: 'error' | 'warning'): void {
  context.report({ span: (tracked.weightWord ?? tracked.name).span, severity, message });
}

const weightText = (t: TrackedItem) => (t.weightWord ? `weight ${t.weight}` : `its default weight ${t.weight}`);

function checkInstance(context: RuleContext, instance: VrrpInstanceView): void {
  const sync = instance.sync && !instance.sync.trackingWeight ? instance.sync : undefined;
  const owner = instance.basePriority === 255;
  if (!sync && !owner) return;
  const label = instanceLabel(instance);
  const cause = sync ? `${label} is in vrrp_sync_group '${sync.name}' (without sync_group_tracking_weight)` : `${label} is the address owner (priority 255)`;
  for (const t of instance.trackInterfaces) {
    if (t.weight === 0 || t.name.value === instance.interface?.value) continue;
    if (sync) report(context, t, `keepalived ignores the weight of track_interface ${t.name.value} because ${cause}: the interface going down puts the instance in FAULT instead of lowering its priority`, 'warning');
    else report(context, t, `keepalived stops tracking interface ${t.name.value} because ${cause}, which cannot lower its priority: the weight has no effect and the interface going down changes nothing`, 'error');
  }
  for (const t of instance.trackScripts) {
    if (t.weight === 0) continue;
    report(context, t, `keepalived ignores track_script ${t.name.value} with ${weightText(t)} because ${cause}: the script is not tracked at all. Use 'weight 0' (the script failing puts the instance in FAULT)${sync ? ' or sync_group_tracking_weight in the sync group' : ''}`, 'error');
  }
  for (const t of instance.trackFiles) {
    if (t.weight === 0) continue;
    if (t.weight === 1 && !t.weightWord) report(context, t, `keepalived ignores the default weight 1 of track_file ${t.name.value} because ${cause}: it tracks the file with weight 0 (a non-zero value puts the instance in FAULT). Write 'weight 0' to say so`, 'warning');
    else report(context, t, `keepalived ignores track_file ${t.name.value} with ${weightText(t)} because ${cause}: the file is not tracked at all. Use 'weight 0'`, 'error');
  }
}

/** A sync group tracking with weights while a member is the address owner: the weights are cleared. */
function checkGroup(context: RuleContext, group: SyncGroupView): void {
  const owner = group.members.find((m) => m.instance?.basePriority === 255)?.instance;
  if (!owner) return;
  const entries: Array<[Kind, TrackedItem[]]> = [['track_interface', group.trackInterfaces], ['track_script', group.trackScripts], ['track_file', group.trackFiles]];
  for (const [kind, list] of entries) {
    for (const t of list) {
      if (t.weight === 0) continue;
      report(context, t, `keepalived clears the weight of ${kind} ${t.name.value} in vrrp_sync_group '${group.name}' because its member ${instanceLabel(owner)} is the address owner (priority 255): a failure puts the group in FAULT instead of lowering priorities`, 'warning');
    }
  }
}

export const trackingWeightIgnored: Rule = {
  meta: {
    id: 'tracking-weight-ignored',
    defaultSeverity: 'warning',
    category: 'vrrp',
    description: 'A weighted track_interface/track_script/track_file keepalived ignores or drops: the instance is in a sync group, or is the address owner (priority 255).',
    fixable: false,
  },
  check(context) {
    const view = vrrpView(context.tree);
    for (const instance of view.instances) checkInstance(context, instance);
    for (const group of view.syncGroups) checkGroup(context, group);
  },
};
