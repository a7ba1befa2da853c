// Includes that resolve outside the lint root are not read by default, so a config under
// review cannot make the linter read (and quote) files elsewhere on the machine.
import type { Rule } from '../rule.js';

export const includeOutsideRoot: Rule = {
  meta: {
    id: 'include-outside-root',
    defaultSeverity: 'warning',
    category: 'reference',
    description: 'An include that resolves outside the lint root; it is not read (and its contents are not checked) unless allowed.',
    fixable: false,
  },
  check(context) {
    for (const directive of context.parse.includes) {
      for (const problem of directive.problems) {
        if (problem.kind === 'outside-root') context.report({ span: directive.patternSpan, message: problem.message });
      }
    }
  },
};
