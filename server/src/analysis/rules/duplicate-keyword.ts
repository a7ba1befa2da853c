// An option given twice in one block. Most keepalived handlers just assign the value, so the
// last line wins and the earlier one is dead without a word; some keep the first and report
// "already specified - ignoring"; some add up (status_code, lvs_timeouts). Which is which is
// data (grammar/keywords/repeated-keywords.json).
import repeated from '../../../../grammar/keywords/repeated-keywords.json';
import type { ConfigNode } from '../model/config-tree.js';
import type { Rule, RuleContext } from '../rule.js';

const ACCUMULATE = new Set<string>(repeated.accumulate);
const FIRST_WINS = new Set<string>(repeated.firstWins);

/** The setting a keyword line changes: aliases (lb_kind, lvs_method) are one setting. */
function settingOf(node: ConfigNode): string | undefined {
  const def = node.def;
  if (!def || def.kind !== 'option' || node.displacedBy) return undefined;
  if (!def.alias_of) return def.path;
  const slash = def.path.lastIndexOf('/');
  return slash < 0 ? def.alias_of : `${def.path.slice(0, slash + 1)}${def.alias_of}`;
}

const valueOf = (node: ConfigNode) => node.args.map((a) => a.value).join(' ');
const shown = (node: ConfigNode) => `${node.keyword.value}${node.args.length > 0 ? ` ${valueOf(node)}` : ''}`;

function reportRepeats(context: RuleContext, setting: string, lines: ConfigNode[]): void {
  if (FIRST_WINS.has(setting)) {
    const [kept, ...ignored] = lines;
    for (const node of ignored) {
      context.report({
        span: node.keyword.span,
        message: `'${shown(node)}' is ignored: '${kept.keyword.value}' is already given on ${context.lineRef(kept.keyword.span, node.keyword.span)}, and keepalived keeps the first one ("already specified - ignoring")`,
        related: [{ span: kept.keyword.span, message: 'the line keepalived keeps' }],
      });
    }
    return;
  }
  const last = lines[lines.length - 1];
  // Flags, and the same value written twice, change nothing.
  if (last.args.length === 0) return;
  for (const node of lines.slice(0, -1)) {
    if (valueOf(node) === valueOf(last)) continue;
    context.report({
      span: node.keyword.span,
      message: `'${shown(node)}' has no effect: '${shown(last)}' on ${context.lineRef(last.keyword.span, node.keyword.span)} sets it again, and keepalived keeps the last value without a warning`,
      related: [{ span: last.keyword.span, message: 'the value keepalived uses' }],
    });
  }
}

export const duplicateKeyword: Rule = {
  meta: {
    id: 'duplicate-keyword',
    defaultSeverity: 'warning',
    category: 'schema',
    description: 'An option given twice in one block where keepalived keeps only one value: says which line wins.',
    fixable: false,
  },
  check(context) {
    const blocks = new Map<ConfigNode | undefined, Map<string, ConfigNode[]>>();
    for (const node of context.tree.all) {
      const setting = settingOf(node);
      if (!setting || ACCUMULATE.has(setting)) continue;
      let settings = blocks.get(node.parent);
      if (!settings) blocks.set(node.parent, (settings = new Map()));
      const lines = settings.get(setting);
      if (lines) lines.push(node);
      else settings.set(setting, [node]);
    }
    for (const settings of blocks.values()) {
      for (const [setting, lines] of settings) if (lines.length > 1) reportRepeats(context, setting, lines);
    }
  },
};
