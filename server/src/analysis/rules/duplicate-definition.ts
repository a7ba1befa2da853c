// The same named object defined twice (two `vrrp_instance VI_1` blocks, two vrrp_scripts ...).
import type { Rule } from '../rule.js';

export const duplicateDefinition: Rule = {
  meta: {
    id: 'duplicate-definition',
    defaultSeverity: 'error',
    category: 'reference',
    description: 'A vrrp_instance, vrrp_script or other named object defined more than once.',
    fixable: false,
  },
  check(context) {
    for (const definitions of context.symbols.byKey.values()) {
      const [first, ...others] = definitions;
      for (const other of others) {
        // ~SEQ copies of one line share a position; they are the same definition.
        if (other.word.span.file === first.word.span.file && other.word.span.start === first.word.span.start) continue;
        context.report({
          span: other.word.span,
          message: `${other.kind} '${other.name}' is already defined on ${context.lineRef(first.word.span, other.word.span)}; keepalived rejects or merges the second definition`,
          related: [{ span: first.word.span, message: 'first definition' }],
        });
      }
    }
  },
};
