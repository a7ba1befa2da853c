// Parity with the real daemon: for every stock keyword path, a minimal config made from the
// keyword data is checked by `keepalived -t` and by us; both must agree on whether the
// keyword is known. Needs Debian's keepalived (installed by .ci/run).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { keywordData, type KeywordDef } from '../../grammar/keywords/index.js';
import { lint } from '../../server/src/analysis/index.js';
import { keepalivedBinary } from '../helpers/keepalived.js';
import { sampleArgs } from './sample-values.js';

const run = promisify(execFile);
const byPath = new Map(keywordData.keywords.map((k) => [k.path, k]));

/** A config that opens the keyword's parent blocks with sample names and uses it on one line. */
function minimalConfig(def: KeywordDef): { text: string; line: number } {
  const parts = def.path.split('/');
  const lines: string[] = [];
  for (let i = 1; i < parts.length; i++) {
    const parent = byPath.get(parts.slice(0, i).join('/'))!;
    lines.push(`${'  '.repeat(i - 1)}${[parent.name, ...sampleArgs(parent)].join(' ')} {`);
  }
  const depth = parts.length - 1;
  lines.push(`${'  '.repeat(depth)}${[def.name, ...sampleArgs(def)].join(' ')}${def.kind === 'option' ? '' : ' {'}`);
  if (def.kind !== 'option') lines.push(`${'  '.repeat(depth)}}`);
  const line = depth + 1;
  for (let i = depth; i >= 1; i--) lines.push(`${'  '.repeat(i - 1)}}`);
  return { text: `${lines.join('\n')}\n`, line };
}

async function keepalivedSaysUnknown(binary: string, file: string, def: KeywordDef, line: number): Promise<boolean> {
  const result = await run('timeout', ['10', binary, '-t', '-f', file, '-l', '-D', '-n'], { encoding: 'utf8' }).catch((e) => e as { stdout: string; stderr: string });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  return new RegExp(`Line ${line}\\) Unknown keyword '${def.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'`).test(output);
}

function weSayUnknown(file: string, text: string, line: number): boolean {
  const index = text.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
  return lint({ path: file, text }).diagnostics.some((d) => ['unknown-keyword', 'wrong-block', 'dialect-keyword'].includes(d.rule) && d.start >= index && d.start < index + text.split('\n')[line - 1].length);
}

const binary = keepalivedBinary();
if (!binary) console.log('keyword parity test: keepalived is not installed; run .ci/run or apt-get install keepalived');

describe.runIf(binary !== undefined)('keyword parity with keepalived -t', () => {
  it('agrees on every stock keyword path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kw-parity-'));
    const stock = keywordData.keywords.filter((k) => k.dialect === 'stock');
    const disagreements: string[] = [];
    let index = 0;
    const worker = async () => {
      while (index < stock.length) {
        const def = stock[index++];
        const { text, line } = minimalConfig(def);
        const file = join(dir, `${def.path.replace(/\//g, '__')}.conf`);
        writeFileSync(file, text);
        const theirs = await keepalivedSaysUnknown(binary!, file, def, line);
        const ours = weSayUnknown(file, text, line);
        if (theirs !== ours) disagreements.push(`${def.path}: keepalived ${theirs ? 'rejects' : 'accepts'}, we ${ours ? 'reject' : 'accept'}`);
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    console.log(`keyword parity: ${stock.length - disagreements.length}/${stock.length} stock keyword paths agree with ${binary}`);
    if (disagreements.length) console.log(`  ${disagreements.join('\n  ')}`);
    expect(disagreements).toEqual([]);
  }, 300_000);
});
