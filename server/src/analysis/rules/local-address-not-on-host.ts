// Addresses the config means as this host's own (FNAT local addresses, unicast/multicast
// source, check bind addresses) that the host does not have. The incident this project was
// started for: a local_address_group holding the other LVS node's address.
import { localAddressUses, type LocalAddressRole } from '../host/addresses.js';
import { describeHost, hasAddress, ownerOf, parametersHolding, replacementAddress } from '../host/lookup.js';
import { formatIp } from '../net/ip.js';
import type { Rule } from '../rule.js';

const CONSEQUENCE: Record<LocalAddressRole, string> = {
  'fnat-local': 'FNAT sends requests to the real servers from this address, so their replies go to that address instead of this node: clients see resets and timeouts while the VIP and health checks look fine (ipvsadm: InPkts rising, OutPkts 0)',
  'unicast-source': 'VRRP adverts leave with a source address this host does not own; the peer drops or misattributes them and both nodes may become MASTER',
  'multicast-source': 'VRRP adverts leave with a source address this host does not own',
  'check-bind': 'the health check cannot bind to an address this host does not have, so it fails',
};

export const localAddressNotOnHost: Rule = {
  meta: {
    id: 'local-address-not-on-host',
    defaultSeverity: 'error',
    category: 'host',
    description: "An address meant to be this host's own (local_address_group, unicast_src_ip, mcast_src_ip, bindto) that the host running the file does not have, e.g. the other LVS node's address.",
    fixable: true,
  },
  check(context) {
    const facts = context.facts;
    const self = facts?.self;
    if (!facts || !self || self.addresses.length === 0) return;
    for (const use of localAddressUses(context.tree)) {
      const missing = use.addresses.filter((a) => !hasAddress(self, a));
      if (missing.length === 0) continue;
      const first = missing[0];
      const owner = ownerOf(facts, first);
      const whose = owner ? `${formatIp(first)} is the address of ${describeHost(owner.host)}` : `${formatIp(first)} is not an address of ${self.name} (nor of any host in the workspace)`;
      const parameters = parametersHolding(facts, first);
      const fromParameter = parameters.length > 0 ? ` It is the value of deployment parameter ${parameters.map((p) => p.name).join(", ")} in keepalived-lint.yaml, so the parameters are the root cause.` : '';
      const replacement = replacementAddress(self, first);
      const single = use.addresses.length === 1 && !use.word.via;
      context.report({
        span: use.word.span,
        message: `${whose}; this file runs on ${describeHost(self)}. ${CONSEQUENCE[use.role]}.${fromParameter}`,
        related: [
          ...(owner ? [{ ...owner.fact.location, message: `${formatIp(first)} belongs to ${owner.host.name}` }] : []),
          ...parameters.map((p) => ({ ...p.valueLocation, message: `parameter ${p.name}` })),
          { ...self.location, message: `${self.name}: the host this file runs on` },
        ],
        fix: single && replacement ? { title: `Use ${self.name}'s address ${formatIp(replacement.address)}`, edits: [{ span: use.word.span, newText: use.word.value.replace(/^[^/\s]+/, formatIp(replacement.address)) }] } : undefined,
      });
    }
  },
};
