#!/usr/bin/env node
// Writes the rule table of README.md (between <!-- rules-table --> markers) from the rules'
// metadata, so the README never drifts from the code. test/readme.test.ts checks it.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(tmpdir(), `kl-rules-${process.pid}.cjs`);
await build({ entryPoints: [join(root, 'server/src/analysis/rules/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error' });
const { allRuleMetas } = createRequire(import.meta.url)(out);

const CATEGORY = { syntax: 'Syntax', schema: 'Keywords and values', reference: 'References and includes', vrrp: 'VRRP', lvs: 'LVS', host: 'Host facts', parameters: 'Deployment parameters', pair: 'VRRP pairs', style: 'Style' };
const rows = [...allRuleMetas]
  .sort((a, b) => Object.keys(CATEGORY).indexOf(a.category) - Object.keys(CATEGORY).indexOf(b.category) || (a.id < b.id ? -1 : 1))
  .map((m) => `| [\`${m.id}\`](docs/rules/${m.id}.md) | ${CATEGORY[m.category]} | ${m.defaultSeverity} | ${m.fixable ? 'yes' : ''} | ${m.description.replace(/\|/g, '\\|')} |`);
const table = ['<!-- rules-table -->', '| rule | kind | default | fix | what it finds |', '|---|---|---|---|---|', ...rows, '<!-- /rules-table -->'].join('\n');

const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const next = readme.replace(/<!-- rules-table -->[\s\S]*?(<!-- \/rules-table -->|$(?![\s\S]))/m, (match) => (match.includes('/rules-table') ? table : `${table}\n`));
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md rule table is out of date: run npm run gen:readme');
    process.exit(1);
  }
} else {
  writeFileSync(readmePath, next);
  console.log(`wrote ${rows.length} rules to README.md`);
}
