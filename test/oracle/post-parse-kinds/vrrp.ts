// Post-parse messages of keepalived's VRRP side (vrrp_complete_instance() in keepalived/vrrp/vrrp.c,
// sync-group completion in vrrp_sync.c / vrrp_data.c, BFD and tracking completion): pattern,
// object and subject. `rules` lists the rule ids of ours that report the kind.
import { instance, type PostParseKind } from './types.js';

/** `(NAME) text`: a message about vrrp_instance NAME. */
const about = (text: string) => new RegExp(`^\\((.+?)\\) ${text}`);

export const VRRP_KINDS: PostParseKind[] = [
  { id: 'unicast-without-peers', pattern: about('A unicast keyword has been specified without any unicast peers'), rules: ['unicast-without-peers'], subject: (m) => ({ object: instance(m[1]), names: /unicast/i }) },
  // no-virtual-ipaddress says it for empty blocks; most corpus cases are VIPs keepalived skipped as
  // invalid (invalid-value names 'virtual_ipaddress' then). Unmapped until that cascade is settled.
  { id: 'no-vip', pattern: about('No VIP specified; at least one is (?:sensible|required)'), rules: ['no-virtual-ipaddress'], subject: (m) => ({ object: instance(m[1]), names: /virtual_ipaddress/ }) },
  { id: 'track-interface-instance-and-sync-group', pattern: about('track_interface (\\S+) is configured on VRRP instance and sync group'), rules: ['redundant-track-interface'], subject: (m) => ({ object: instance(m[1]), names: new RegExp(`\\b${m[2]}\\b`) }) },
  { id: 'nopreempt-with-master', pattern: about('Warning - nopreempt will not work with initial state MASTER'), rules: ['nopreempt-with-master'], subject: (m) => ({ object: instance(m[1]), names: /nopreempt/ }) },
  { id: 'preempt-delay-with-master', pattern: about('Warning - preempt delay will not work with initial state MASTER'), rules: ['preempt-delay-ignored'], subject: (m) => ({ object: instance(m[1]), names: /preempt_delay/ }) },
  { id: 'tracked-file-weight-sync-group', pattern: about('ignoring weight from tracked file (\\S+) due to SYNC group'), rules: ['tracking-weight-ignored'], subject: (m) => ({ object: instance(m[1]), names: new RegExp(`\\b${m[2]}\\b`) }) },
  { id: 'tracked-script-weight-sync-group', pattern: about('ignoring tracked script (\\S+) with weights due to SYNC group'), rules: ['tracking-weight-ignored'], subject: (m) => ({ object: instance(m[1]), names: new RegExp(`\\b${m[2]}\\b`) }) },
  { id: 'tracked-script-weight-address-owner', pattern: about('ignoring tracked script (\\S+) with weights due to address_owner'), rules: ['tracking-weight-ignored'], subject: (m) => ({ object: instance(m[1]), names: new RegExp(`\\b${m[2]}\\b`) }) },
  { id: 'tracked-interface-weight-sync-group', pattern: about('ignoring (\\S+) tracked interface weight due to SYNC group'), rules: ['tracking-weight-ignored'], subject: (m) => ({ object: instance(m[1]), names: new RegExp(`\\b${m[2]}\\b`) }) },
  { id: 'strict-authentication', pattern: about('Strict mode does not support authentication'), rules: ['authentication-ignored'], subject: (m) => ({ object: instance(m[1]), names: /authentication/ }) },
  { id: 'version-authentication', pattern: about('VRRP version \\d does not support authentication'), rules: ['authentication-ignored'], subject: (m) => ({ object: instance(m[1]), names: /authentication/ }) },
  { id: 'ah-with-master', pattern: about('Initial state master is incompatible with AH authentication'), rules: ['authentication-ignored'], subject: (m) => ({ object: instance(m[1]), names: /\bAH\b/ }) },
  { id: 'master-not-address-owner', pattern: about('State MASTER must match being address owner'), rules: ['strict-mode-conflict'], subject: (m) => ({ object: instance(m[1]), names: /MASTER/ }) },
  { id: 'own-track-interface', pattern: about('Ignoring track_interface (\\S+) since own interface'), rules: ['redundant-track-interface'], subject: (m) => ({ object: instance(m[1]), names: new RegExp(`\\b${m[2]}\\b`) }) },
  { id: 'vrid-not-set', pattern: about('the virtual router id must be set'), rules: ['missing-required-keyword', 'invalid-value'], subject: (m) => ({ object: instance(m[1]), names: /virtual_router_id/ }) },
  { id: 'ipvlan-without-source', pattern: about('IPv\\d ipvlan requires a source ip address'), rules: ['vmac-setting-ignored'], subject: (m) => ({ object: instance(m[1]), names: /ipvlan/ }) },
  { id: 'promote-secondaries-vmac', pattern: about('promote_secondaries is automatically set for vmacs'), rules: ['vmac-setting-ignored'], subject: (m) => ({ object: instance(m[1]), names: /promote_secondaries/ }) },
  { id: 'sync-group-one-member', pattern: /^Sync group (\S+) has only \d+ virtual router\(s\)/, rules: ['sync-group-membership'], subject: (m) => ({ object: { block: 'vrrp_sync_group', name: m[1] }, names: /only one|1 /i }) },
  { id: 'sync-group-empty', pattern: /^Sync group (\S+) has no virtual router\(s\)/, rules: ['sync-group-membership'], subject: (m) => ({ object: { block: 'vrrp_sync_group', name: m[1] }, names: /no vrrp_instance|no virtual router|empty/i }) },
];
