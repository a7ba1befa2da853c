// Markdown describing a keyword for hover and completion, built from the keyword data.
import type { KeywordDef, KeywordSchema, ValueSpec } from '../../../../grammar/keywords/index.js';

/** What a value may be; enum values as the schema's dialect has them (DPVS schedulers, say). */
function describeValue(spec: ValueSpec, def: KeywordDef, schema: KeywordSchema): string {
  switch (spec.type) {
    case 'enum': return `one of ${schema.enumValues(def, spec).values.map((v) => `\`${v}\``).join(', ')}`;
    case 'int': case 'uint': case 'timer': case 'decimal': {
      const range = spec.min != null || spec.max != null ? ` from ${spec.min ?? '…'} to ${spec.max ?? '…'}` : '';
      return `${spec.type === 'timer' || spec.unit === 'seconds' ? 'seconds' : 'a number'}${range}${spec.decimals ? ` (up to ${spec.decimals} decimals)` : ''}`;
    }
    case 'bool': return '`true`/`yes`/`on` or `false`/`no`/`off`';
    case 'ref': return `the name of a \`${spec.ref}\``;
    case 'grammar': return `\`${spec.grammar}\``;
    default: return spec.type.replace(/_/g, ' ');
  }
}

/** The syntax line with enum values as the schema's dialect has them (`{rr|...|conhash}` under DPVS). */
function syntaxOf(def: KeywordDef, schema: KeywordSchema): string {
  let syntax = def.syntax;
  for (const spec of def.args ?? []) {
    if (spec.type !== 'enum' || !spec.values) continue;
    syntax = syntax.replace(`{${spec.values.join('|')}}`, `{${schema.enumValues(def, spec).values.join('|')}}`);
  }
  return syntax;
}

const KIND: Record<KeywordDef['kind'], string> = { option: 'keyword', block: 'block', value_block: 'list block' };

export function keywordMarkdown(def: KeywordDef, schema: KeywordSchema): string {
  const lines = [`**${def.name}** — ${KIND[def.kind]} in \`${def.path.includes('/') ? def.path.slice(0, def.path.lastIndexOf('/')) : 'top level'}\``, '', '```keepalived', syntaxOf(def, schema), '```'];
  const args = [...(def.args ?? []).map((a) => `- \`${a.name}\`${a.optional ? ' (optional)' : ''}: ${describeValue(a, def, schema)}`),
    ...(def.options ?? []).map((o) => `- \`${o.word}\`${o.value ? ` ${describeValue(o.value, def, schema)}` : ' (flag)'}`)];
  if (args.length) lines.push('', ...args);
  if (def.note) lines.push('', def.note);
  const facts: string[] = [];
  if (def.since) facts.push(`since keepalived ${def.since.replace(/^<=v/, '≤ ').replace(/^v/, '')}`);
  if (def.dialect === 'dpvs') facts.push('DPVS fork only (dialect dpvs)');
  const availability = schema.availability(def);
  if (availability === 'newer-version' || availability === 'not-built') facts.push(`not available in keepalived ${schema.version}`);
  if (def.deprecated) facts.push(`deprecated${def.deprecated.replacement ? `: use \`${def.deprecated.replacement}\`` : ''}`);
  if (facts.length) lines.push('', `_${facts.join(' · ')}_`);
  return lines.join('\n');
}
