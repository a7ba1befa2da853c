// Words after a keyword's arguments. keepalived's handlers read the argument slots they know
// (strvec_slot(strvec, 1), ...) and never look at the rest, so `auth_type PASS auth_pass 1111`
// sets the type and drops the password without a word, and `nopreempt 0` still sets nopreempt.
// Value blocks with arguments are syntax-error's finding (keepalived reports "Block ... has extra
// parameters"), and item lines of value blocks are checked by their own grammars.
import type { WordNode } from '../../../../grammar/index.js';
import type { KeywordSchema } from '../../../../grammar/keywords/index.js';
import { bindArgs } from '../model/args.js';
import type { ConfigNode } from '../model/config-tree.js';
import { lineBinding } from '../model/items.js';
import type { FixSpec, Rule, RuleContext } from '../rule.js';

/**
 * Where the extra words split into statements of the same block: each segment must start with a
 * keyword of the block and use all its words. Undefined when they do not split cleanly.
 */
function statementStarts(schema: KeywordSchema, context: string, extra: readonly WordNode[]): WordNode[] | undefined {
  const starts: WordNode[] = [];
  let rest = extra;
  while (rest.length > 0) {
    const def = schema.lookup(context, rest[0].value);
    if (!def || def.kind !== 'option') return undefined;
    starts.push(rest[0]);
    const binding = bindArgs(def.args, def.options, rest[0], rest.slice(1));
    if (binding.missing.length > 0 || binding.missingOptionValues.length > 0) return undefined;
    rest = binding.extra;
  }
  return starts;
}

/** The fix: each statement on its own line, indented (and `@id`-prefixed) like the original line. */
function splitFix(context: RuleContext, node: ConfigNode, starts: readonly WordNode[]): FixSpec | undefined {
  const words = [node.keyword, ...node.args];
  // Words from a $NAME definition or another file cannot be edited where they appear.
  if (words.some((w) => w.via !== undefined || w.span.file !== node.keyword.span.file)) return undefined;
  const file = context.parse.files[node.keyword.span.file];
  const lineStart = file.text.lastIndexOf('\n', node.keyword.span.start - 1) + 1;
  const prefix = file.text.slice(lineStart, node.keyword.span.start);
  if (!/^[ \t]*(?:@\S+[ \t]+)?$/.test(prefix)) return undefined;
  const edits = starts.map((start) => {
    const before = words[words.indexOf(start) - 1];
    return { span: { file: start.span.file, start: before.span.end, end: start.span.start }, newText: `\n${prefix}` };
  });
  return { title: `Put ${starts.map((s) => `'${s.value}'`).join(', ')} on ${starts.length > 1 ? 'their own lines' : 'its own line'}`, edits };
}

export const ignoredArguments: Rule = {
  meta: {
    id: 'ignored-arguments',
    defaultSeverity: 'warning',
    category: 'schema',
    description: 'Words after a keyword\'s arguments, which keepalived drops silently, typically several statements written on one line.',
    fixable: true,
  },
  check(context) {
    for (const node of context.tree.all) {
      const def = node.def;
      if (!def || def.kind === 'value_block' || node.displacedBy) continue;
      const extra = lineBinding(node)?.extra ?? [];
      if (extra.length === 0) continue;
      const starts = statementStarts(context.schema, node.context, extra);
      // Other extra words are reported only after a flag: the argument lists of the keyword data
      // are not complete enough to call every other trailing word dropped.
      if (!starts && !(def.kind === 'option' && def.takes_no_arguments)) continue;
      const dropped = extra.map((w) => w.value).join(' ');
      const first = extra[0];
      const last = extra[extra.length - 1];
      const span = first.span.file === last.span.file ? { ...first.span, end: Math.max(first.span.end, last.span.end) } : first.span;
      context.report({
        span,
        message: starts
          ? `keepalived reads one statement per line: '${dropped}' after '${node.keyword.value}' is ignored without a warning, so ${starts.map((s) => `'${s.value}'`).join(', ')} ${starts.length > 1 ? 'are' : 'is'} never set. Put ${starts.length > 1 ? 'each statement' : 'it'} on its own line`
          : `'${node.keyword.value}' takes no value: keepalived ignores '${dropped}' without a warning and sets ${node.keyword.value} all the same`,
        fix: starts ? splitFix(context, node, starts) : undefined,
      });
    }
  },
};
