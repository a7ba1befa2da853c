// Objects that exist only to be referenced but never are: a vrrp_script no instance tracks
// checks nothing, a local_address_group no virtual server uses does nothing.
import { symbolKey } from '../model/symbols.js';
import type { Rule } from '../rule.js';

/** Kinds that have no effect unless referenced. */
const REFERENCE_ONLY = new Set([
  'vrrp_script', 'track_file', 'vrrp_track_process', 'local_address_group', 'deny_address_group',
  'allow_address_group', 'virtual_server_group', 'track_group',
]);

export const unusedDefinition: Rule = {
  meta: {
    id: 'unused-definition',
    defaultSeverity: 'warning',
    category: 'reference',
    description: 'A vrrp_script, track_file, local_address_group, virtual_server_group, ... that nothing refers to, so it has no effect.',
    fixable: false,
  },
  check(context) {
    const used = new Set(context.symbols.references.map((r) => symbolKey(r.kind, r.name)));
    const unreadIncludes = context.parse.includes.some((i) => i.problems.length > 0);
    for (const definition of context.symbols.definitions) {
      if (!REFERENCE_ONLY.has(definition.kind) || used.has(symbolKey(definition.kind, definition.name))) continue;
      if (unreadIncludes) continue; // it may be used in a file we could not read
      context.report({
        span: definition.word.span,
        message: `${definition.kind} '${definition.name}' is never referenced, so it has no effect`,
      });
    }
  },
};
