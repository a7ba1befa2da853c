// VRRP view of the config tree: each vrrp_instance and vrrp_sync_group with the settings
// keepalived's vrrp parser (keepalived/vrrp/vrrp_parser.c, vrrp_data.c, vrrp_track.c) is left
// with once the block is read. The post-parse checks of vrrp_complete_instance() and
// vrrp_complete_init() (keepalived/vrrp/vrrp.c) work on these values, so the rules that
// reproduce them do too: `state BACKUP` after `state MASTER` is ignored, a VIP of the other
// address family is dropped, a track_script's weight defaults to its vrrp_script's.
import type { StatementNode, WordNode } from '../../../../grammar/index.js';
import { parseIp, parseIpPrefix } from '../net/ip.js';
import { childrenNamed, type ConfigNode, type ConfigTree } from './config-tree.js';

export type Family = 4 | 6;

/** A line of a track_interface / track_script / track_file block of an instance or sync group. */
export interface TrackedItem {
  item: StatementNode;
  name: WordNode;
  /** The weight keepalived uses: written on the line, else the tracked object's default. */
  weight: number;
  /** The `weight N` words when written on the line. */
  weightWord?: WordNode;
}

export interface AddressItem {
  item: StatementNode;
  word: WordNode;
  family: Family;
}

export interface VrrpInstanceView {
  node: ConfigNode;
  name: string;
  /** Initial state keepalived keeps: MASTER once given sticks ('state previously set as MASTER'). */
  state?: { value: 'MASTER' | 'BACKUP'; word: WordNode };
  /** Last valid `priority` line. */
  priority?: { value: number; word: WordNode };
  /** Base priority after keepalived's default: 255 for state MASTER without a priority, else 100. */
  basePriority: number;
  /** Address family, decided by the first address read (VIP, unicast_src_ip, mcast_src_ip, peer). */
  family: Family;
  familyFrom?: WordNode;
  /** Explicit `version` line keepalived accepted. */
  versionLine?: { value: 2 | 3; word: WordNode };
  /** VRRP version after vrrp_complete_instance()'s defaults (IPv6 forces 3 unless version 2 was written first). */
  version: 2 | 3;
  /** Where strict mode comes from (the instance's strict_mode or global vrrp_strict); undefined if off. */
  strict?: ConfigNode;
  auth?: { type: 'PASS' | 'AH'; word: WordNode; pass?: WordNode };
  interface?: WordNode;
  /** Lines that make keepalived treat the instance as unicast (VRRP_FLAG_UNICAST_CONFIGURED). */
  unicastKeywords: ConfigNode[];
  unicastPeers: AddressItem[];
  /** unicast_peer entries keepalived drops for their family. */
  foreignFamilyPeers: AddressItem[];
  unicastFaultNoPeer?: ConfigNode;
  unicastTtl?: ConfigNode;
  vmac?: ConfigNode;
  vmacXmitBase?: ConfigNode;
  ipvlan?: ConfigNode;
  nopreempt?: ConfigNode;
  /** Last preempt_delay line with a non-zero delay. */
  preemptDelay?: ConfigNode;
  promoteSecondaries?: ConfigNode;
  /** virtual_ipaddress entries keepalived keeps, and those it drops for their family. */
  vips: AddressItem[];
  foreignFamilyVips: AddressItem[];
  trackInterfaces: TrackedItem[];
  trackScripts: TrackedItem[];
  trackFiles: TrackedItem[];
  sync?: SyncGroupView;
}

export interface SyncGroupView {
  node: ConfigNode;
  name: string;
  /** The first `group` block (keepalived ignores later ones). */
  group?: ConfigNode;
  /** Member names as written, with the instance when it exists and joins this group. */
  members: Array<{ word: WordNode; instance?: VrrpInstanceView }>;
  trackingWeight?: ConfigNode;
  trackInterfaces: TrackedItem[];
  trackScripts: TrackedItem[];
  trackFiles: TrackedItem[];
}

export interface VrrpView {
  instances: VrrpInstanceView[];
  syncGroups: SyncGroupView[];
  /** global_defs vrrp_strict. */
  globalStrict?: ConfigNode;
}

const last = (node: ConfigNode, name: string): ConfigNode | undefined => childrenNamed(node, name).pop();

function boolSetting(node: ConfigNode | undefined): boolean | undefined {
  if (!node) return undefined;
  const word = node.args[0]?.value;
  if (word === undefined) return true;
  if (['true', 'on', 'yes'].includes(word)) return true;
  if (['false', 'off', 'no'].includes(word)) return false;
  return undefined;
}

function intIn(word: WordNode | undefined, min: number, max: number): number | undefined {
  if (!word || !/^[+-]?\d+$/.test(word.value)) return undefined;
  const n = Number(word.value);
  return n >= min && n <= max ? n : undefined;
}

/** Lines of the value blocks named `name` (keepalived reads every such block). */
function itemsOf(node: ConfigNode, name: string): StatementNode[] {
  return childrenNamed(node, name).flatMap((block) => block.items);
}

/** track_* lines: `NAME [weight N [reverse]]`, first occurrence of a name only ('duplicate ... ignoring'). */
function trackedItems(node: ConfigNode, name: string, defaultWeight: (tracked: string) => number | undefined): TrackedItem[] {
  const out: TrackedItem[] = [];
  for (const item of itemsOf(node, name)) {
    const [tracked, option, value] = item.words;
    if (!tracked || out.some((t) => t.name.value === tracked.value)) continue;
    const fallback = defaultWeight(tracked.value);
    if (fallback === undefined) continue;
    const written = option?.value === 'weight' ? intIn(value, -254, 254) : undefined;
    out.push({ item, name: tracked, weight: written ?? fallback, weightWord: written !== undefined ? value : undefined });
  }
  return out;
}

function addressOf(word: WordNode | undefined): Family | undefined {
  if (!word) return undefined;
  return (parseIpPrefix(word.value)?.address ?? parseIp(word.value))?.family;
}

interface Definitions {
  scriptWeights: Map<string, number>;
  fileWeights: Map<string, number>;
  globalVersion: 2 | 3;
  globalStrict?: ConfigNode;
}

function definitions(roots: readonly ConfigNode[]): Definitions {
  const scriptWeights = new Map<string, number>();
  const fileWeights = new Map<string, number>();
  let globalVersion: 2 | 3 = 2;
  let globalStrict: ConfigNode | undefined;
  for (const node of roots) {
    const name = node.args[0]?.value;
    const path = node.def?.path;
    if (path === 'vrrp_script' && name && !scriptWeights.has(name)) {
      scriptWeights.set(name, intIn(last(node, 'weight')?.args[0], -253, 253) ?? 0);
    } else if ((path === 'track_file' || path === 'vrrp_track_file') && name && !fileWeights.has(name)) {
      // The first weight line counts ('Weight already set for track file').
      const weights = childrenNamed(node, 'weight').map((w) => intIn(w.args[0], -254, 254)).filter((w) => w !== undefined);
      fileWeights.set(name, weights[0] ?? 1);
    } else if (path === 'global_defs') {
      const version = intIn(last(node, 'vrrp_version')?.args[0], 2, 3);
      if (version) globalVersion = version as 2 | 3;
      globalStrict = last(node, 'vrrp_strict') ?? globalStrict;
    }
  }
  return { scriptWeights, fileWeights, globalVersion, globalStrict };
}

const UNICAST_KEYWORDS = new Set(['unicast_peer', 'unicast_src_ip', 'unicast_fault_no_peer', 'check_unicast_src', 'old_unicast_checksum']);

function instanceView(node: ConfigNode, defs: Definitions): VrrpInstanceView {
  const view: VrrpInstanceView = {
    node, name: node.args[0]?.value ?? '', basePriority: 100, family: 4, version: 2,
    unicastKeywords: [], unicastPeers: [], foreignFamilyPeers: [], vips: [], foreignFamilyVips: [], trackInterfaces: [], trackScripts: [], trackFiles: [],
  };
  let family: Family | undefined;
  const takeFamily = (f: Family | undefined, word: WordNode): boolean => {
    if (!f) return false;
    if (!family) {
      family = f;
      view.familyFrom = word;
    }
    return f === family;
  };
  let strict: boolean | undefined;
  let strictNode: ConfigNode | undefined;
  let authType: ConfigNode | undefined;
  let authPass: WordNode | undefined;
  for (const child of node.children) {
    const word = child.args[0];
    const key = child.keyword.value;
    if (UNICAST_KEYWORDS.has(key)) view.unicastKeywords.push(child);
    switch (key) {
      case 'state':
        if (word?.value === 'MASTER') view.state = { value: 'MASTER', word };
        else if (word && view.state?.value !== 'MASTER') view.state = { value: 'BACKUP', word };
        break;
      case 'priority': {
        const value = intIn(word, 1, 255);
        if (word) view.priority = { value: value ?? 100, word };
        break;
      }
      case 'version': {
        const value = intIn(word, 2, 3) as 2 | 3 | undefined;
        if (word && value && !view.versionLine && !(value === 2 && family === 6)) view.versionLine = { value, word };
        break;
      }
      case 'strict_mode': {
        const value = boolSetting(child);
        if (value !== undefined) [strict, strictNode] = [value, child];
        break;
      }
      case 'interface': if (word) view.interface = word; break;
      case 'unicast_src_ip': case 'mcast_src_ip': if (word) takeFamily(addressOf(word), word); break;
      case 'unicast_peer':
        for (const item of child.items) {
          const f = addressOf(item.words[0]);
          if (!f) continue;
          const address = { item, word: item.words[0], family: f };
          if (takeFamily(f, item.words[0])) view.unicastPeers.push(address);
          else view.foreignFamilyPeers.push(address);
        }
        break;
      case 'unicast_fault_no_peer': view.unicastFaultNoPeer = child; break;
      case 'unicast_ttl': view.unicastTtl = child; break;
      case 'virtual_ipaddress':
        for (const item of child.items) {
          const f = addressOf(item.words[0]);
          if (!f) continue;
          const address = { item, word: item.words[0], family: f };
          if (takeFamily(f, item.words[0])) view.vips.push(address);
          else view.foreignFamilyVips.push(address);
        }
        break;
      case 'use_vmac': view.vmac = child; break;
      case 'vmac_xmit_base': view.vmacXmitBase = child; break;
      case 'use_ipvlan': view.ipvlan = child; break;
      case 'nopreempt': view.nopreempt = child; break;
      case 'preempt': view.nopreempt = undefined; break;
      case 'preempt_delay': view.preemptDelay = word && Number(word.value) > 0 ? child : undefined; break;
      case 'promote_secondaries': view.promoteSecondaries = child; break;
      case 'authentication':
        for (const inner of child.children) {
          if (inner.keyword.value === 'auth_type' && (inner.args[0]?.value === 'PASS' || inner.args[0]?.value === 'AH')) authType = inner;
          if (inner.keyword.value === 'auth_pass' && inner.args[0]) authPass = inner.args[0];
        }
        break;
    }
  }
  view.family = family ?? 4;
  if (strict === undefined && defs.globalStrict) [strict, strictNode] = [true, defs.globalStrict];
  if (strict) view.strict = strictNode;
  if (authType) view.auth = { type: authType.args[0].value as 'PASS' | 'AH', word: authType.args[0], pass: authPass };
  // vrrp_complete_instance(): IPv6 implies version 3 unless 2 was accepted (and strict resets that);
  // otherwise the instance's version line, else global vrrp_version.
  const written = view.versionLine?.value;
  view.version = view.family === 6 ? (written === 2 && !view.strict ? 2 : 3) : (written ?? defs.globalVersion);
  view.basePriority = view.priority?.value ?? (view.state?.value === 'MASTER' ? 255 : 100);
  view.trackInterfaces = trackedItems(node, 'track_interface', () => 0);
  view.trackScripts = trackedItems(node, 'track_script', (name) => defs.scriptWeights.get(name));
  view.trackFiles = trackedItems(node, 'track_file', (name) => defs.fileWeights.get(name));
  return view;
}

function syncGroupView(node: ConfigNode, defs: Definitions, byName: Map<string, VrrpInstanceView>): SyncGroupView {
  const group = childrenNamed(node, 'group')[0];
  const members: SyncGroupView['members'] = [];
  for (const item of group?.items ?? []) {
    for (const word of item.words) {
      const instance = byName.get(word.value);
      // An instance already in a sync group stays there ('cannot exist in more than one sync group').
      const joins = instance && !instance.sync;
      members.push({ word, instance: joins ? instance : undefined });
    }
  }
  const view: SyncGroupView = {
    node, name: node.args[0]?.value ?? '', group, members, trackingWeight: last(node, 'sync_group_tracking_weight'),
    trackInterfaces: trackedItems(node, 'track_interface', () => 0),
    trackScripts: trackedItems(node, 'track_script', (name) => defs.scriptWeights.get(name)),
    trackFiles: trackedItems(node, 'track_file', (name) => defs.fileWeights.get(name)),
  };
  for (const member of members) if (member.instance) member.instance.sync = view;
  return view;
}

/** Several rules ask for the same tree's VRRP view: build it once per tree. */
const cache = new WeakMap<ConfigTree, VrrpView>();

export function vrrpView(tree: ConfigTree): VrrpView {
  const cached = cache.get(tree);
  if (cached) return cached;
  const defs = definitions(tree.roots);
  const instances: VrrpInstanceView[] = [];
  const byName = new Map<string, VrrpInstanceView>();
  for (const node of tree.roots) {
    if (node.def?.path !== 'vrrp_instance' || !node.args[0]) continue;
    // A second vrrp_instance with a taken name is skipped whole ('already defined').
    if (byName.has(node.args[0].value)) continue;
    const view = instanceView(node, defs);
    instances.push(view);
    byName.set(view.name, view);
  }
  const syncGroups: SyncGroupView[] = [];
  const groupNames = new Set<string>();
  for (const node of tree.roots) {
    if (node.def?.path !== 'vrrp_sync_group' || !node.args[0] || groupNames.has(node.args[0].value)) continue;
    groupNames.add(node.args[0].value);
    syncGroups.push(syncGroupView(node, defs, byName));
  }
  const view: VrrpView = { instances, syncGroups, globalStrict: defs.globalStrict };
  cache.set(tree, view);
  return view;
}

export type AuthDropReason = 'strict' | 'version 3' | 'no auth_pass' | 'AH with IPv6';

/** Why vrrp_complete_instance() drops the instance's authentication (first match wins), if it does. */
export function authDropped(instance: VrrpInstanceView): AuthDropReason | undefined {
  if (!instance.auth) return undefined;
  if (instance.strict) return 'strict';
  if (instance.version === 3) return 'version 3';
  if (!instance.auth.pass) return 'no auth_pass';
  if (instance.auth.type === 'AH' && instance.family === 6) return 'AH with IPv6';
  return undefined;
}

/**
 * The state an instance starts in after vrrp_complete_instance(): the written state, else
 * MASTER for the address owner (priority 255); strict mode makes it match being the owner, and
 * AH authentication turns MASTER into BACKUP for a non-owner.
 */
export function initialState(instance: VrrpInstanceView): 'MASTER' | 'BACKUP' {
  const owner = instance.basePriority === 255;
  if (!instance.state || instance.strict) return owner ? 'MASTER' : 'BACKUP';
  if (instance.state.value === 'MASTER' && !owner && instance.auth?.type === 'AH' && !authDropped(instance)) return 'BACKUP';
  return instance.state.value;
}

/** "vrrp_instance 'VI_1'" for messages. */
export const instanceLabel = (instance: VrrpInstanceView) => `vrrp_instance '${instance.name}'`;
