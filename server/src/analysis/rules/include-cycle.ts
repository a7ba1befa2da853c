// Files that include themselves, directly or through other files.
import type { Rule } from '../rule.js';

export const includeCycle: Rule = {
  meta: {
    id: 'include-cycle',
    defaultSeverity: 'error',
    category: 'reference',
    description: 'A file that includes itself, directly or through other files; keepalived would read it over and over.',
    fixable: false,
  },
  check(context) {
    for (const directive of context.parse.includes) {
      for (const problem of directive.problems) {
        if (problem.kind === 'cycle') context.report({ span: directive.patternSpan, message: problem.message });
      }
    }
  },
};
