// Nodes that back each other up but run keepalived versions that differ in a keyword their
// configs use: the node with the older keepalived cannot be given that setting (the keyword
// tables of the version it runs lack it, so its parser reports an unknown keyword and skips the
// line), so the service behaves differently depending on which node is MASTER. A use on the
// node that lacks the keyword is unknown-keyword's (each config is checked against its host's
// version); this rule reports the use on the node that has it, once per keyword and config.
import { KeywordSchema } from '../../../../grammar/keywords/index.js';
import type { HostFact } from '../host/context.js';
import { failoverDomains } from '../host/pair-services.js';
import { joinNames } from '../host/pairs.js';
import type { ConfigNode } from '../model/config-tree.js';
import type { ConfigModel, WorkspaceRule, WorkspaceRuleContext } from '../workspace-rule.js';

type VersionedHost = HostFact & { keepalivedVersion: NonNullable<HostFact['keepalivedVersion']> };

const hasVersion = (host: HostFact | undefined): host is VersionedHost => host?.keepalivedVersion !== undefined;

function knows(context: WorkspaceRuleContext, host: VersionedHost, node: ConfigNode): boolean {
  return KeywordSchema.for(context.dialect, host.keepalivedVersion.version).find(node.context, node.keyword.value)?.availability === 'available';
}

function checkConfig(context: WorkspaceRuleContext, config: ConfigModel & { host: VersionedHost }, peers: VersionedHost[]): void {
  const uses = new Map<string, ConfigNode[]>();
  for (const node of config.tree.all) {
    if (!node.def) continue;
    uses.set(node.def.path, [...(uses.get(node.def.path) ?? []), node]);
  }
  for (const [path, nodes] of uses) {
    const first = nodes[0];
    if (!knows(context, config.host, first)) continue;
    const lacking = peers.filter((peer) => !knows(context, peer, first));
    if (lacking.length === 0) continue;
    const since = first.def?.since ? ` (keepalived ${first.def.since.replace(/^v/, '')} and later)` : '';
    const more = nodes.length > 1 ? ` (and ${nodes.length - 1} more use${nodes.length > 2 ? 's' : ''} in this config)` : '';
    const them = joinNames(lacking.map((h) => `${h.name} (keepalived ${h.keepalivedVersion.version})`));
    context.report({
      location: context.location(config, first.keyword.span),
      message: `'${path.split('/').pop()}'${since} is used on ${config.host.name}, which runs keepalived ${config.host.keepalivedVersion.version}, but its VRRP ${lacking.length > 1 ? 'peers' : 'peer'} ${them} cannot read it${more}: the same setting cannot be made there, so the service behaves differently depending on which node is MASTER. Upgrade keepalived on ${joinNames(lacking.map((h) => h.name))}, or do without it`,
      related: [config.host, ...lacking].map((h) => ({ ...h.keepalivedVersion.location, message: `keepalived_version of ${h.name}` })),
    });
  }
}

export const pairVersionDiffers: WorkspaceRule = {
  meta: {
    id: 'pair-version-differs',
    defaultSeverity: 'warning',
    category: 'pair',
    description: "Nodes of a VRRP cluster whose keepalived versions (host facts) differ in a keyword their configs use: the older node cannot be set up the same way.",
    fixable: false,
  },
  checkWorkspace(context) {
    for (const domain of failoverDomains(context.configs)) {
      const hosts = [...new Set(domain.map((c) => c.host).filter(hasVersion))];
      if (new Set(hosts.map((h) => h.keepalivedVersion.version)).size < 2) continue;
      for (const config of domain) {
        const host = config.host;
        if (!hasVersion(host)) continue;
        checkConfig(context, { ...config, host }, hosts.filter((h) => h !== host));
      }
    }
  },
};
