#!/usr/bin/env node
// Writes the generated parts of README.md, so it never drifts from the code: the rule table
// (from the rules' metadata), the CLI output on the incident and split-brain examples and the
// --help text.
// test/readme.test.ts checks them; needs the bundles (npm run build).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
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

/** Replaces the text between <!-- NAME --> and <!-- /NAME --> (adding the end marker the first time). */
function section(text, name, body) {
  const start = `<!-- ${name} -->`;
  const end = `<!-- /${name} -->`;
  const from = text.indexOf(start);
  if (from < 0) throw new Error(`README.md has no ${start}`);
  const to = text.indexOf(end, from);
  return `${text.slice(0, from)}${start}\n${body}\n${end}${to < 0 ? text.slice(from + start.length) : text.slice(to + end.length)}`;
}

const cli = (args) => spawnSync(process.execPath, [join(root, 'server/out/cli.js'), ...args], { cwd: root, encoding: 'utf8' }).stdout;
const fence = (body) => `\`\`\`text\n${body.endsWith('\n') ? body : `${body}\n`}\`\`\``;

const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
let next = section(readme, 'rules-table', table.split('\n').slice(1, -1).join('\n'));
next = section(next, 'incident-output', fence(cli(['--no-color', 'examples/incident'])));
next = section(next, 'split-brain-output', fence(cli(['--no-color', 'examples/split-brain'])));
next = section(next, 'cli-help', fence(cli(['--help'])));
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md is out of date: run npm run gen:readme');
    process.exit(1);
  }
} else {
  writeFileSync(readmePath, next);
  console.log(`updated README.md (${rows.length} rules)`);
}
