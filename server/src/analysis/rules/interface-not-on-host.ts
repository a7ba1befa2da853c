// Interfaces a config names that the host running it does not have.
import { interfaceUses } from '../host/addresses.js';
import type { Rule } from '../rule.js';
import { closeMatches } from './helpers.js';

export const interfaceNotOnHost: Rule = {
  meta: {
    id: 'interface-not-on-host',
    defaultSeverity: 'error',
    category: 'host',
    description: 'An interface (interface, dev, track_interface, lvs_sync_daemon, local_address_group ...) that the host running the file does not have.',
    fixable: true,
  },
  check(context) {
    const self = context.facts?.self;
    if (!self || self.interfaces.length === 0) return;
    const known = new Set(self.interfaces);
    for (const use of interfaceUses(context.tree)) {
      const name = use.word.value;
      // VLAN and alias names (eth0.10, eth0:1) live on a known parent; keepalived's own VMACs are made at run time.
      if (known.has(name) || known.has(name.split(/[.:]/)[0]) || name.startsWith('vrrp.')) continue;
      const candidates = closeMatches(name, self.interfaces);
      context.report({
        span: use.word.span,
        message: `interface '${name}' does not exist on ${self.name} (its interfaces: ${self.interfaces.join(', ')}); keepalived ${use.node.def?.path === 'vrrp_instance/interface' ? 'puts the instance in FAULT state' : 'cannot use it'}`,
        related: [{ ...self.location, message: `${self.name}'s interfaces` }],
        fix: candidates.length === 1 && !use.word.via ? { title: `Use '${candidates[0]}'`, edits: [{ span: use.word.span, newText: candidates[0] }] } : undefined,
      });
    }
  },
};
