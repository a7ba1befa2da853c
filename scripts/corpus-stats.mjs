#!/usr/bin/env node
// Findings per rule and severity on the stock real configs of the shared corpus, as a Markdown
// table for README's "Corpus statistics". Lints with the built CLI (npm run build first), the
// way a user would: --no-config, stock dialect, every config id. The corpus is reference data
// outside this repository (KEEPALIVED_LINT_CORPUS, default ../shared/corpus).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(process.env.KEEPALIVED_LINT_CORPUS ?? join(root, '..', 'shared', 'corpus'));
const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));
const files = manifest.filter((entry) => entry.dialect === 'stock').map((entry) => join(corpus, entry.file));

const run = spawnSync(process.execPath, [join(root, 'server/out/cli.js'), '--no-config', '--no-color', '--dialect', 'keepalived', '-f', 'json', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (run.status !== 0 && run.status !== 1) {
  console.error(run.stderr);
  process.exit(2);
}

const SEVERITIES = ['error', 'warning', 'info', 'hint'];
const counts = new Map();
const total = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
let withFindings = 0;
for (const file of JSON.parse(run.stdout).files) {
  if (file.diagnostics.length > 0) withFindings++;
  for (const { rule, severity } of file.diagnostics) {
    const row = counts.get(rule) ?? Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
    row[severity]++;
    total[severity]++;
    counts.set(rule, row);
  }
}

const sum = (row) => SEVERITIES.reduce((n, s) => n + row[s], 0);
const line = (name, row) => `| ${name} | ${SEVERITIES.map((s) => row[s] || '').join(' | ')} | ${sum(row)} |`;
const rows = [...counts].sort(([a, x], [b, y]) => sum(y) - sum(x) || (a < b ? -1 : 1));
console.log(`${files.length} stock configs, ${withFindings} of them (or the files they include) with findings\n`);
console.log(`| rule | ${SEVERITIES.join(' | ')} | total |`);
console.log(`|---|${SEVERITIES.map(() => '--:').join('|')}|--:|`);
for (const [rule, row] of rows) console.log(line(`\`${rule}\``, row));
console.log(line('**all rules**', total));
