// Property: --fix never makes a config worse (issue 9, item 1). For every corpus file
// (../shared/corpus) and every planted sample, the fix loop of --fix runs; then the real
// `keepalived -t` (Debian's 2.2.7, in a private network namespace where the file's interfaces
// exist) must not say anything worse about the fixed text than about the original, and we
// must not report more errors. Needs keepalived (installed by .ci/run); without it, or without
// the corpus, the parts that need them are skipped with a printed note.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type LintSettings } from '../../server/src/analysis/index.js';
import { buildCli, removeTree, tempTree, type JsonOutput } from '../cli/harness.js';
import { SAMPLES } from '../fuzz/samples.js';
import { instance } from '../helpers/configs.js';
import { corpusAvailable, loadCorpus } from '../helpers/corpus.js';
import { checkSandboxed, keepalivedBinary, sandboxAvailable, type KeepalivedCheck } from '../helpers/keepalived.js';
import { classify } from './oracle-classes.js';
import { PLANTED } from './fix-samples.js';

type Dialect = 'keepalived' | 'dpvs';

interface Case {
  name: string;
  text: string;
  dialect: Dialect;
  interfaces: string[];
}

const interfacesIn = (text: string) => [...new Set([...text.matchAll(/\b(?:interface|dev|lvs_sync_daemon)\s+(\S+)/g)].map((m) => m[1]))];

const corpus: Case[] = corpusAvailable()
  ? loadCorpus().map((e) => ({ name: e.file, text: e.text, dialect: e.dialect === 'stock' ? 'keepalived' : 'dpvs', interfaces: [...new Set([...(e.oracle_sandboxed as { interfaces_created?: string[] }).interfaces_created ?? [], ...interfacesIn(e.text)])] }))
  : [];
if (!corpusAvailable()) console.log('fix safety test: ../shared/corpus is absent; only the planted samples are checked');
const planted: Case[] = [...SAMPLES, { name: 'configs:instance', text: instance('VI_1', 'eth0', 51, '10.0.0.1/24').replace('BACKUP', 'BACKUPP') }, ...PLANTED]
  .map((c) => ({ ...c, dialect: c.name.includes('dpvs') ? 'dpvs' : 'keepalived', interfaces: interfacesIn(c.text) }));
const all = [...planted, ...corpus];

/**
 * Runs `--fix-dry-run` of the bundled CLI once per dialect over copies of every case (each in
 * a directory of its own, so the include trees are independent): the fixed text per case, by index.
 */
function fixAll(root: string): Map<number, string> {
  const cli = buildCli();
  const fixed = new Map<number, string>();
  for (const dialect of ['keepalived', 'dpvs'] as Dialect[]) {
    const files = all.flatMap((c, i) => (c.dialect === dialect ? [join(root, String(i), 'keepalived.conf')] : []));
    for (const file of files) {
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, all[Number(file.split('/').at(-2))].text);
    }
    const run = spawnSync(process.execPath, [cli, '--fix-dry-run', '--no-config', '--dialect', dialect, '-f', 'json', ...files], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status === 0 || run.status === 1, run.stderr).toBe(true);
    for (const f of (JSON.parse(run.stdout) as JsonOutput).files) if (f.output !== undefined) fixed.set(Number(f.path.split('/').at(-2)), f.output);
  }
  return fixed;
}

const errorCount = (path: string, text: string, dialect: Dialect) => lint({ path, text, settings: { dialect } as Partial<LintSettings> }).diagnostics.filter((d) => d.path === path && d.severity === 'error').length;

/** A fatal parse error stops keepalived reading the file; a timeout or a crash is as bad. */
const FATAL = new Set([2, 124, 134, 139]);

/** keepalived's error lines (the classes the differential test uses; host-bound ones left out). */
const errorLines = (check: KeepalivedCheck) => check.messages.filter((m) => classify(m) !== undefined);

/** Why keepalived -t finds the fixed text worse than the original, if it does. */
function worse(before: KeepalivedCheck, after: KeepalivedCheck): string[] {
  const problems: string[] = [];
  const [was, is] = [errorLines(before), errorLines(after)];
  if (is.length > was.length) problems.push(`${was.length} -> ${is.length} error lines: ${is.filter((m) => !was.includes(m)).join(' | ')}`);
  if (FATAL.has(after.exit) && !FATAL.has(before.exit)) problems.push(`exit ${before.exit} -> ${after.exit}: ${after.messages.slice(-2).join(' | ')}`);
  if (before.exit === 0 && after.exit !== 0) problems.push(`accepted before, exit ${after.exit} after`);
  return problems;
}

const binary = keepalivedBinary();
if (!binary) console.log('fix safety test: keepalived is not installed; run .ci/run or apt-get install keepalived');

describe('--fix never makes a config worse', () => {
  const root = tempTree();
  const fixed = fixAll(root);
  const changed = [...fixed.keys()].sort((a, b) => a - b);

  it('changes some files and never raises our error count', () => {
    const raised = changed.flatMap((i) => {
      const path = join(root, String(i), 'keepalived.conf');
      const [before, after] = [errorCount(path, all[i].text, all[i].dialect), errorCount(path, fixed.get(i)!, all[i].dialect)];
      return after > before ? [`${all[i].name}: ${before} -> ${after} errors`] : [];
    });
    expect(changed.length).toBeGreaterThan(0);
    expect(raised).toEqual([]);
  });

  it.runIf(binary !== undefined)('never makes keepalived -t worse (sandboxed)', async () => {
    const regressions: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < changed.length) {
        const i = changed[next++];
        const original = join(root, String(i), 'keepalived.conf');
        const copy = join(root, String(i), 'fixed.conf');
        writeFileSync(copy, fixed.get(i)!);
        const before = await checkSandboxed(binary!, original, all[i].interfaces);
        const after = await checkSandboxed(binary!, copy, all[i].interfaces);
        const problems = worse(before, after);
        if (problems.length) regressions.push(`${all[i].name}: ${problems.join('; ')}`);
      }
    };
    await Promise.all([worker(), worker()]);
    console.log(`fix safety: --fix changed ${changed.length} of ${all.length} files (${corpus.length} corpus files, ${planted.length} planted samples); ` +
      `keepalived -t ${sandboxAvailable() ? 'in a private network namespace' : 'on the host (no namespaces here)'}: ${regressions.length} worse`);
    if (regressions.length) console.log(`  ${regressions.join('\n  ')}`);
    removeTree(root);
    expect(regressions).toEqual([]);
  }, 600_000);
});
