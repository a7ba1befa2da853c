// `include` patterns that match no file, or files that cannot be read.
import type { Rule } from '../rule.js';

const REPORTED = new Set(['not-found', 'unreadable', 'not-a-file', 'too-large', 'too-many-files', 'too-deep']);

export const includeNotFound: Rule = {
  meta: {
    id: 'include-not-found',
    defaultSeverity: 'warning',
    category: 'reference',
    description: 'An include that matches no file or names a file that cannot be read; what it should bring in is not checked.',
    fixable: false,
  },
  check(context) {
    for (const directive of context.parse.includes) {
      for (const problem of directive.problems) {
        if (!REPORTED.has(problem.kind)) continue;
        const consequence = directive.strict
          ? `'${directive.keyword}' makes this an error for keepalived`
          : 'keepalived carries on without it, and its contents are not checked';
        context.report({
          span: directive.patternSpan,
          severity: directive.strict ? 'error' : undefined,
          message: `${problem.message}; ${consequence}`,
        });
      }
    }
  },
};
