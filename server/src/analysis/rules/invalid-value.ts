// Values keepalived cannot read: numbers out of range, unknown enum words, malformed
// addresses and ports, including the data lines of value blocks such as virtual_ipaddress.
import { KeywordSchema, type KeywordDef } from '../../../../grammar/keywords/index.js';
import type { ArgBinding } from '../model/args.js';
import type { ConfigNode } from '../model/config-tree.js';
import { checkGrammarItem, checkGrammarValue, checkVirtualServerAddress } from '../model/grammars.js';
import { itemBinding, itemShape, lineBinding } from '../model/items.js';
import { checkValue } from '../model/values.js';
import type { Rule, RuleContext } from '../rule.js';
import { insideUnavailableBlock } from './helpers.js';

function checkBinding(context: RuleContext, node: ConfigNode, def: KeywordDef, binding: ArgBinding): void {
  const fork = KeywordSchema.for('dpvs');
  for (const { spec, word, option } of binding.bound) {
    const grammarProblem = spec.type === 'grammar' ? checkGrammarValue(spec.grammar, word.value) : undefined;
    const problem = spec.type === 'grammar' ? (grammarProblem ? { message: grammarProblem, severity: 'error' as const } : undefined) : checkValue(word.value, spec, def, context.schema);
    if (!problem) continue;
    // DPVS-only values under stock keepalived are reported by dialect-keyword.
    if (spec.type === 'enum' && context.settings.dialect === 'keepalived' && !checkValue(word.value, spec, def, fork)) continue;
    const subject = option ? `'${option.value}' of '${node.keyword.value}'` : `'${node.keyword.value}'`;
    const fix = problem.suggestion ? { title: `Replace with '${problem.suggestion}'`, edits: [{ span: word.span, newText: problem.suggestion }] } : undefined;
    const via = word.via ? ` (from $${word.via})` : '';
    context.report({ span: word.span, message: `invalid value for ${subject}: ${problem.message}${via}`, severity: problem.severity, fix });
  }
}

function checkItems(context: RuleContext, node: ConfigNode, def: KeywordDef): void {
  const shape = itemShape(def, context.schema);
  if (!shape) return;
  for (const item of node.items) {
    if (shape.grammar) {
      const grammar = context.schema.grammar(shape.grammar);
      for (const p of grammar ? checkGrammarItem(shape.grammar, grammar, item.words) : []) {
        context.report({ span: p.word.span, message: `invalid entry in '${node.keyword.value}': ${p.message}` });
      }
      continue;
    }
    const binding = itemBinding(shape, item);
    if (binding) checkBinding(context, node, def, binding);
  }
}

export const invalidValue: Rule = {
  meta: {
    id: 'invalid-value',
    defaultSeverity: 'error',
    category: 'schema',
    description: 'A value keepalived cannot read (number out of range, unknown word, malformed address or port), on keyword lines and in value blocks.',
    fixable: true,
  },
  check(context) {
    for (const node of context.tree.all) {
      const def = node.def;
      if (!def || insideUnavailableBlock(node)) continue;
      // The first words of virtual_server have several shapes (IP PORT, fwmark N, group NAME).
      const binding = def.path === 'virtual_server' ? undefined : lineBinding(node);
      if (binding) checkBinding(context, node, def, binding);
      if (def.path === 'virtual_server') {
        for (const p of checkVirtualServerAddress(node.args, context.settings.dialect === 'dpvs')) {
          context.report({ span: p.word.span, message: `invalid virtual_server address: ${p.message}` });
        }
      }
      if (def.kind === 'value_block') checkItems(context, node, def);
    }
  },
};
