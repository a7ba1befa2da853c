// Keywords and values of the other dialect: DPVS fork additions (FNAT, local_address_group, ...)
// under stock keepalived, and stock keywords the fork does not have.
import type { WordNode } from '../../../../grammar/index.js';
import { KeywordSchema, type KeywordDef } from '../../../../grammar/keywords/index.js';
import type { BoundArg } from '../model/args.js';
import { lineBinding } from '../model/items.js';
import type { Rule, RuleContext } from '../rule.js';
import { insideUnavailableBlock } from './helpers.js';

const HOW_TO_SWITCH = "set 'dialect: dpvs' in keepalived-lint.yaml (or --dialect dpvs) if this config runs on the DPVS fork";

/** Enum values (FNAT, conhash, ...) that only the DPVS fork accepts. */
function forkOnlyValues(context: RuleContext, def: KeywordDef, words: readonly BoundArg[]): WordNode[] {
  const fork = KeywordSchema.for('dpvs');
  const out: WordNode[] = [];
  for (const { spec, word } of words) {
    if (spec.type !== 'enum') continue;
    const stock = context.schema.enumValues(def, spec).values;
    if (!stock.includes(word.value) && fork.enumValues(def, spec).values.includes(word.value)) out.push(word);
  }
  return out;
}

export const dialectKeyword: Rule = {
  meta: {
    id: 'dialect-keyword',
    defaultSeverity: 'error',
    category: 'schema',
    description: 'A keyword or value of the other dialect: a DPVS-fork addition under stock keepalived, or a stock keyword the DPVS fork lacks.',
    fixable: false,
  },
  check(context) {
    for (const node of context.tree.all) {
      if (insideUnavailableBlock(node)) continue;
      const availability = node.lookup?.availability;
      if (availability === 'other-dialect') {
        context.report({
          span: node.keyword.span,
          message: `'${node.keyword.value}' exists only in the DPVS fork of keepalived (dialect dpvs); stock keepalived rejects it as an unknown keyword${node.statement.block ? ' together with its block' : ''}. ${HOW_TO_SWITCH}`,
        });
      } else if (availability === 'not-in-fork') {
        context.report({
          span: node.keyword.span,
          message: `'${node.keyword.value}' is a stock keepalived keyword that the DPVS fork (based on keepalived 2.0.19) does not have; the fork rejects it as unknown`,
        });
      }
      if (context.settings.dialect !== 'keepalived' || !node.def) continue;
      const bound = lineBinding(node)?.bound ?? [];
      for (const word of forkOnlyValues(context, node.def, bound)) {
        context.report({
          span: word.span,
          message: `'${word.value}' is a value of the DPVS fork only; stock keepalived rejects it for '${node.keyword.value}'. ${HOW_TO_SWITCH}`,
        });
      }
    }
  },
};
