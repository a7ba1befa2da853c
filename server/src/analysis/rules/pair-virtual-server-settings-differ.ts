// The same virtual_server on nodes that back each other up must be set up the same way: after
// a failover the new MASTER's IPVS service is built from its own config (ipvs_cmd() in
// keepalived/check/ipvswrapper.c), so a different scheduler, persistence, forwarding method,
// protocol, quorum, one-packet scheduling or sorry server changes the service. Real servers
// are pair-real-servers-differ's, a service missing on one node pair-virtual-servers-differ's.
import { failoverDomains, sharedServices, type SharedService } from '../host/pair-services.js';
import { hostName, joinNames } from '../host/pairs.js';
import type { ConfigNode } from '../model/config-tree.js';
import { serviceName, type VirtualServerView } from '../model/lvs.js';
import type { Severity } from '../types.js';
import type { WorkspaceRule, WorkspaceRuleContext } from '../workspace-rule.js';

interface ServiceSetting {
  /** How the message names the setting. */
  label: string;
  /** Keywords that set it, aliases included; the last one written wins, as in keepalived. */
  keywords: string[];
  /** keepalived's value when none is written (equal to it written out), if it has one. */
  byDefault?: string;
  /** How the message shows an unwritten setting. */
  unset: string;
  normalize?: (value: string) => string;
  applies?: (vs: VirtualServerView) => boolean;
  severity: Severity;
  consequence: string;
}

const SETTINGS: ServiceSetting[] = [
  { label: 'scheduler (lvs_sched)', keywords: ['lvs_sched', 'lb_algo'], byDefault: 'wlc', unset: 'wlc (not set)', severity: 'warning',
    consequence: 'connections are spread differently depending on which node is MASTER' },
  { label: 'forwarding method (lvs_method)', keywords: ['lvs_method', 'lb_kind'], byDefault: 'NAT', unset: 'NAT (not set)', normalize: (v) => v.toUpperCase(), severity: 'error',
    consequence: 'packets reach the real servers another way after failover, and real servers set up for one method do not answer the other' },
  { label: 'protocol', keywords: ['protocol'], unset: 'not set', normalize: (v) => v.toUpperCase(), severity: 'error',
    // keepalived ignores the protocol of a firewall-mark service (fwmark-protocol-ignored).
    applies: (vs) => !vs.fwmark, consequence: 'the other node balances another protocol, so the service stops answering after failover' },
  { label: 'persistence_timeout', keywords: ['persistence_timeout'], unset: 'not set (no persistence)', severity: 'warning',
    consequence: 'clients lose their stickiness to a real server, or keep it, depending on which node is MASTER' },
  { label: 'persistence_granularity', keywords: ['persistence_granularity'], unset: 'not set', severity: 'warning',
    consequence: 'clients are grouped differently for persistence depending on which node is MASTER' },
  { label: 'quorum', keywords: ['quorum'], byDefault: '1', unset: '1 (not set)', severity: 'warning',
    consequence: 'the service is withdrawn (or its sorry server used) at a different number of healthy real servers' },
  { label: 'hysteresis', keywords: ['hysteresis'], byDefault: '0', unset: '0 (not set)', severity: 'warning',
    consequence: 'the quorum is judged differently depending on which node is MASTER' },
  { label: 'one-packet scheduling (ops)', keywords: ['ops'], unset: 'off', severity: 'warning',
    consequence: 'UDP datagrams are scheduled one by one on one node and per connection on the other' },
  { label: 'sorry_server', keywords: ['sorry_server'], unset: 'none', severity: 'warning',
    consequence: 'when every real server is down, clients get the sorry server on one node and nothing on the other' },
];

/** The setting on one node: `value` to compare, `text` to show. */
function valueOf(setting: ServiceSetting, vs: VirtualServerView): { value: string; text: string; node?: ConfigNode } {
  const node = vs.node.children.filter((c) => setting.keywords.includes(c.keyword.value)).pop();
  if (!node) return { value: setting.byDefault ?? '', text: setting.unset };
  if (setting.keywords[0] === 'ops') return { value: 'on', text: 'on', node };
  const written = node.args.map((a) => a.value).join(' ');
  const value = setting.normalize ? setting.normalize(written) : written;
  return { value, text: value, node };
}

/** `wlc on lb1 and lb3, rr on lb2`. */
function valuesByHost(values: Array<{ text: string; host: string }>): string {
  const hosts = new Map<string, string[]>();
  for (const { text, host } of values) hosts.set(text, [...(hosts.get(text) ?? []), host]);
  return [...hosts].map(([text, names]) => `${text} on ${joinNames(names)}`).join(', ');
}

function checkService(context: WorkspaceRuleContext, service: SharedService): void {
  for (const setting of SETTINGS) {
    if (setting.applies && !service.copies.every((c) => setting.applies!(c.vs))) continue;
    const values = service.copies.map((c) => ({ ...c, ...valueOf(setting, c.vs), host: hostName(context, c.config) }));
    if (new Set(values.map((v) => v.value)).size < 2) continue;
    const summary = valuesByHost(values);
    for (const here of values) {
      context.report({
        location: context.location(here.config, (here.node ?? here.vs.node).keyword.span),
        severity: setting.severity,
        message: `${setting.label} of ${serviceName(here.vs)} differs between the nodes that back each other up: ${summary}. After a failover ${setting.consequence}`,
        related: values.filter((v) => v !== here).map((v) => ({ ...context.location(v.config, (v.node ?? v.vs.node).keyword.span), message: `${setting.label} ${v.text} on ${v.host}` })),
      });
    }
  }
}

export const pairVirtualServerSettingsDiffer: WorkspaceRule = {
  meta: {
    id: 'pair-virtual-server-settings-differ',
    defaultSeverity: 'warning',
    category: 'pair',
    description: 'The same virtual_server on the nodes of a VRRP cluster with a different scheduler, persistence, forwarding method, protocol, quorum, hysteresis, ops or sorry server: the service changes on failover.',
    fixable: false,
  },
  checkWorkspace(context) {
    for (const domain of failoverDomains(context.configs)) {
      for (const service of sharedServices(domain)) checkService(context, service);
    }
  },
};
