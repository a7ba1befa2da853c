#!/usr/bin/env node
// Generates grammar/keywords/keywords.generated.json from the shared keyword data
// (../shared/keepalived/keywords.json). Run by hand when the data changes; the
// output is committed so the project never reads ../shared at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? join(root, '..', 'shared', 'keepalived', 'keywords.json');
const data = JSON.parse(readFileSync(source, 'utf8'));

// Fields the linter uses; provenance fields (source, handler, verify messages) stay behind.
const KEEP = ['name', 'path', 'kind', 'dialect', 'syntax', 'args', 'options', 'takes_no_arguments', 'item',
  'defines', 'command_quoting', 'alias_of', 'deprecated', 'requires_build', 'process', 'note', 'since',
  'in_2_2_7', 'in_dpvs'];

function flatten(node, out) {
  const entry = {};
  for (const key of KEEP) if (node[key] !== undefined) entry[key] = node[key];
  out.push(entry);
  for (const child of node.children ?? []) flatten(child, out);
  return out;
}

const keywords = [];
for (const top of data.tree) flatten(top, keywords);

const generated = {
  schema_version: 1,
  generated_from: {
    stock: data.sources.stock.describe,
    stock_2_2_7: data.sources.stock_2_2_7.tag,
    dpvs: `${data.sources.dpvs.repo}@${data.sources.dpvs.commit.slice(0, 12)} (${data.sources.dpvs.base_version})`,
  },
  history_tags: data.sources.history_tags_scanned,
  summary: {
    stock_keyword_paths: data.summary.stock_keyword_paths,
    dpvs_added_paths: data.summary.dpvs_added_paths,
    contexts: Object.keys(data.contexts).length,
  },
  arg_types: data.arg_types,
  item_grammars: data.item_grammars,
  dialects: data.dialects,
  keywords,
};

const out = join(root, 'grammar', 'keywords', 'keywords.generated.json');
writeFileSync(out, JSON.stringify(generated) + '\n');
console.log(`wrote ${keywords.length} keyword paths to ${out}`);
