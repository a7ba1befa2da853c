// `# keepalived-lint ...` directives that cannot be read or name unknown rules.
import type { Rule } from '../rule.js';

export const invalidPragma: Rule = {
  meta: {
    id: 'invalid-pragma',
    defaultSeverity: 'warning',
    category: 'style',
    description: 'A keepalived-lint directive comment with an unknown verb or an unknown rule id.',
    fixable: false,
  },
  check(context) {
    for (const m of context.pragmas.malformed) context.report({ span: m.span, message: m.message });
    for (const pragma of context.pragmas.pragmas) {
      for (const rule of pragma.rules) {
        if (rule.id !== 'all' && !context.ruleIds.has(rule.id)) context.report({ span: rule.span, message: `unknown rule id '${rule.id}' in keepalived-lint directive` });
      }
    }
  },
};
