// Lexical and block-structure problems: unbalanced or misplaced braces, unterminated quotes,
// over-long lines, broken ~SEQ/~LST lines.
import { buildConfigTree, type ConfigNode, type StructureProblem } from '../model/config-tree.js';
import type { Rule, RuleContext } from '../rule.js';
import { describeBlock } from './helpers.js';

function structureMessage(problem: StructureProblem): string | undefined {
  const keyword = problem.node?.keyword.value;
  switch (problem.kind) {
    case 'missing-open-brace':
      return `'${keyword}' opens a block but no '{' follows; keepalived reads the next lines as its block anyway`;
    case 'unexpected-open-brace':
      // After an unknown keyword the unknown-keyword diagnostic explains the brace.
      if (problem.node && !problem.node.lookup) return undefined;
      return keyword
        ? `'${keyword}' does not open a block: keepalived ignores this '{' and reads the lines below as part of ${describeBlock(problem.node?.parent)}`
        : `unexpected '{': keepalived ignores it`;
    case 'brace-in-value-block':
      return `'${keyword}' holds data lines, not blocks: keepalived reads this '{' as a value and the next '}' ends '${keyword}'`;
    case 'value-block-arguments':
      return `'${keyword}' takes its entries inside { }: keepalived ignores the words after it on this line and reads the following lines as its entries, up to the next '}'`;
    case 'close-at-top-level':
      return `this '}' closes nothing in keepalived's reading: an earlier block was ended early by the braces of an unknown or misplaced keyword`;
  }
}

/**
 * A top-level block without `{` is read as a block only by the process that owns it; the
 * others (and the parent) skip a keyword's block only when a `{` follows, so they read the
 * block's lines as top-level keywords. Report the lines that this turns into unknown keywords.
 */
function otherProcessesMisread(context: RuleContext, missing: ConfigNode[]): void {
  const valid = new Set(context.tree.all.filter((n) => n.def).map((n) => `${n.keyword.span.file}:${n.keyword.span.start}`));
  const parentView = buildConfigTree(context.parse.document.items, context.schema, 'parent');
  const cause = (line: number) => missing.filter((m) => context.lineOf(m.keyword.span) < line).pop() ?? missing[0];
  const strayCloses = new Set(context.parse.issues.filter((i) => i.kind === 'extra-close-brace').map((i) => `${i.span.file}:${i.span.start}`));
  for (const problem of parentView.problems) {
    if (problem.kind !== 'close-at-top-level' || strayCloses.has(`${problem.span.file}:${problem.span.start}`)) continue;
    const owner = cause(context.lineOf(problem.span));
    context.report({ span: problem.span, message: `because '${owner.keyword.value}' on line ${context.lineOf(owner.keyword.span)} has no '{', the keepalived processes that skip '${owner.keyword.value}' find this '}' at the top level` });
  }
  for (const node of parentView.all) {
    if (node.def || !valid.has(`${node.keyword.span.file}:${node.keyword.span.start}`)) continue;
    const owner = cause(context.lineOf(node.keyword.span));
    context.report({
      span: node.keyword.span,
      message: `because '${owner.keyword.value}' on line ${context.lineOf(owner.keyword.span)} has no '{', the keepalived processes that skip '${owner.keyword.value}' read this line at the top level, where '${node.keyword.value}' is unknown`,
    });
  }
}

export const syntaxError: Rule = {
  meta: {
    id: 'syntax-error',
    defaultSeverity: 'error',
    category: 'syntax',
    description: 'Unbalanced or misplaced braces, unterminated quotes, over-long lines and other text keepalived cannot read as written.',
    fixable: false,
  },
  check(context) {
    for (const issue of context.parse.issues) context.report({ span: issue.span, message: issue.message });
    for (const problem of context.tree.problems) {
      const message = structureMessage(problem);
      if (message) context.report({ span: problem.span, message });
    }
    const topLevelMissing = context.tree.problems.filter((p) => p.kind === 'missing-open-brace' && p.node && !p.node.parent).map((p) => p.node!);
    if (topLevelMissing.length > 0) otherProcessesMisread(context, topLevelMissing);
  },
};
