// Deprecated and legacy keyword names, with their replacement.
import type { Severity } from '../types.js';
import type { Rule } from '../rule.js';

/** keepalived -t complains about some (warning); others it accepts without a word (legacy names: info). */
const SEVERITY_BY_WARNING: Record<string, Severity> = { config_error: 'warning', log_only: 'info', none: 'info' };

export const deprecatedKeyword: Rule = {
  meta: {
    id: 'deprecated-keyword',
    defaultSeverity: 'warning',
    category: 'style',
    description: 'A deprecated or legacy keyword name (e.g. lb_kind for lvs_method), with its replacement.',
    fixable: true,
  },
  check(context) {
    for (const node of context.tree.all) {
      const deprecation = node.def?.deprecated;
      if (!node.def || !deprecation || context.schema.isNewerThanTarget(deprecation.since)) continue;
      const replacement = context.schema.replacementOf(node.def);
      // Suggest a simple replacement only when the target dialect and version have it.
      const named = deprecation.replacement ?? node.def.alias_of;
      const instead = named && (named.includes(' ') || replacement) ? named : undefined;
      const said = deprecation.warns === 'config_error' ? 'keepalived -t warns about it' : 'keepalived still accepts it';
      context.report({
        span: node.keyword.span,
        severity: SEVERITY_BY_WARNING[deprecation.warns ?? 'none'],
        message: `'${node.keyword.value}' is deprecated${instead ? `; use '${instead}'` : ''} (${said})`,
        fix: replacement ? { title: `Replace with '${replacement.name}'`, edits: [{ span: node.keyword.span, newText: replacement.name }] } : undefined,
      });
    }
  },
};
