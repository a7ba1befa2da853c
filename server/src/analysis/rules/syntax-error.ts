// Lexical and block-structure problems: unbalanced or misplaced braces, unterminated quotes,
// over-long lines, broken ~SEQ/~LST lines.
import type { Span } from '../../../../grammar/index.js';
import { buildConfigTree, type ConfigNode, type StructureProblem } from '../model/config-tree.js';
import type { Rule, RuleContext } from '../rule.js';
import { describeBlock, shortWord } from './helpers.js';

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
      return problem.node
        ? `this '}' closes nothing in keepalived's reading: an earlier block was ended early by the braces of '${keyword}'`
        : `extra '}': there is no open block to close`;
    case 'missing-close-brace':
      return `'${keyword}' is never closed: a '}' is missing, so keepalived reads the rest of the file inside it`;
  }
}

/**
 * Braces that open or close nothing, one diagnostic per line: a line of 50,000 `{}` is one
 * fault, not 100,000 (keepalived ignores each of them).
 */
class StrayBraces {
  private readonly byLine = new Map<string, Array<{ span: Span; brace: '{' | '}'; message: string }>>();
  constructor(private readonly context: RuleContext) {}

  add(span: Span, brace: '{' | '}', message: string): void {
    const key = `${span.file}:${this.context.lineOf(span)}`;
    const list = this.byLine.get(key);
    if (list) list.push({ span, brace, message });
    else this.byLine.set(key, [{ span, brace, message }]);
  }

  report(): void {
    for (const list of this.byLine.values()) {
      if (list.length === 1) {
        this.context.report({ span: list[0].span, message: list[0].message });
        continue;
      }
      let first = list[0].span;
      let last = list[0].span;
      let opens = 0;
      for (const { span, brace } of list) {
        if (span.start < first.start) first = span;
        if (span.end > last.end) last = span;
        if (brace === '{') opens++;
      }
      const parts = [opens && `${opens} '{' that open nothing`, list.length - opens && `${list.length - opens} '}' that close nothing`].filter(Boolean);
      this.context.report({ span: { file: first.file, start: first.start, end: last.end }, message: `${list.length} stray braces on this line (${parts.join(' and ')}): keepalived ignores each of them` });
    }
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
    context.report({ span: problem.span, message: `because '${shortWord(owner.keyword.value)}' on ${context.lineRef(owner.keyword.span, problem.span)} has no '{', the keepalived processes that skip '${shortWord(owner.keyword.value)}' find this '}' at the top level` });
  }
  for (const node of parentView.all) {
    if (node.def || !valid.has(`${node.keyword.span.file}:${node.keyword.span.start}`)) continue;
    const owner = cause(context.lineOf(node.keyword.span));
    context.report({
      span: node.keyword.span,
      message: `because '${shortWord(owner.keyword.value)}' on ${context.lineRef(owner.keyword.span, node.keyword.span)} has no '{', the keepalived processes that skip '${shortWord(owner.keyword.value)}' read this line at the top level, where '${node.keyword.value}' is unknown`,
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
    const { issues } = context.parse;
    const problems = context.tree.problems;
    const at = (span: Span) => `${span.file}:${span.start}`;
    const strayCloses = new Set(issues.filter((i) => i.kind === 'extra-close-brace').map((i) => at(i.span)));
    // keepalived counts braces (its "Extra '}' found" and "missing '}'s"), but which block stays
    // open follows its reading: prefer the config tree, and count-based reports only when the
    // tree has no explanation (an ignored '{' accounts for an extra '{').
    const treeExplainsOpen = problems.some((p) => p.kind === 'missing-close-brace' || p.kind === 'unexpected-open-brace' || p.kind === 'brace-in-value-block');
    const stray = new StrayBraces(context);
    for (const issue of issues) {
      if (issue.kind === 'missing-close-brace' && treeExplainsOpen) continue;
      if (issue.kind === 'extra-close-brace') stray.add(issue.span, '}', issue.message);
      else context.report({ span: issue.span, message: issue.message });
    }
    for (const problem of problems) {
      if (problem.kind === 'close-at-top-level' && strayCloses.has(at(problem.span))) continue;
      const message = structureMessage(problem);
      if (!message) continue;
      if (!problem.node && problem.kind === 'unexpected-open-brace') stray.add(problem.span, '{', message);
      else if (!problem.node && problem.kind === 'close-at-top-level') stray.add(problem.span, '}', message);
      else context.report({ span: problem.span, message });
    }
    stray.report();
    const topLevelMissing = context.tree.problems.filter((p) => p.kind === 'missing-open-brace' && p.node && !p.node.parent).map((p) => p.node!);
    if (topLevelMissing.length > 0) otherProcessesMisread(context, topLevelMissing);
  },
};
