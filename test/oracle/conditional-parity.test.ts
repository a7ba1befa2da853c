// Conditional configs are families: for each corpus file with `@id` lines, run the real
// `keepalived -t -i ID` for every config id the file uses and compare with our lint of that
// variant, and with an id none of them uses when `@^ID` lines are kept only then. (The recorded
// oracle ran these files with one config id none of them uses.)
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LineIndex, parse } from '../../grammar/index.js';
import { lint } from '../../server/src/analysis/index.js';
import { CORPUS_DIR, corpusAvailable, isConditional, loadCorpus } from '../helpers/corpus.js';
import { keepalivedBinary } from '../helpers/keepalived.js';
import { classify } from './oracle-classes.js';

const run = promisify(execFile);
const binary = keepalivedBinary();
const files = corpusAvailable() ? loadCorpus().filter((e) => e.dialect === 'stock' && isConditional(e.text)) : [];

/** A config id no corpus file uses: the host every `@^ID` line is kept on. */
const OTHER_ID = 'kl_other_host';

/** Names of scripts keepalived removed for host-bound reasons, whose references then fail. */
const HOST_REMOVED = /Unable to set default user for vrrp script (\S+)|Disabling track script (\S+) since/;

describe.runIf(binary !== undefined && files.length > 0)('conditional configs against keepalived -t -i ID', () => {
  it('reports the lines keepalived -t complains about in each variant (recall >= 99%)', async () => {
    let expected = 0;
    const misses: string[] = [];
    let variants = 0;
    for (const entry of files) {
      const conditionals = parse(entry.file, entry.text).conditionals;
      const ids = [...new Set(conditionals.map((c) => c.id)), ...(conditionals.some((c) => c.negated) ? [OTHER_ID] : [])].sort();
      const index = new LineIndex(entry.text);
      const sourceLines = entry.text.split('\n');
      for (const id of ids) {
        variants++;
        const result = await run('timeout', ['10', binary!, '-t', '-f', join(CORPUS_DIR, entry.file), '-i', id, '-l', '-D', '-n'], { encoding: 'utf8', cwd: CORPUS_DIR }).catch((e) => e as { stdout: string; stderr: string });
        const messages = [...new Set(`${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').map((l) => l.replace(/\(\/[^()]*?: (Line \d+)\)/, '($1)').trim()))];
        const removed = new Set(messages.map((m) => HOST_REMOVED.exec(m)).filter(Boolean).map((m) => m![1] ?? m![2]));
        const ours = lint({ path: join(CORPUS_DIR, entry.file), text: entry.text, settings: { configIds: [id] } });
        const lines = new Set(ours.diagnostics.filter((d) => d.path === join(CORPUS_DIR, entry.file)).map((d) => index.positionAt(d.start).line + 1));
        for (const message of messages) {
          const oracle = classify(message, (n) => sourceLines[n - 1] ?? '');
          if (!oracle) continue;
          const consequence = /track script (\S+) not found/.exec(oracle.message);
          if (consequence && removed.has(consequence[1])) continue;
          expected++;
          if (!lines.has(oracle.line)) misses.push(`${entry.file} -i ${id}:${oracle.line} ${oracle.message}`);
        }
      }
    }
    const recall = expected === 0 ? 1 : (expected - misses.length) / expected;
    console.log(`conditional recall: ${expected - misses.length}/${expected} = ${(recall * 100).toFixed(2)}% over ${files.length} files, ${variants} variants`);
    if (misses.length) console.log(`  ${misses.slice(0, 40).join('\n  ')}`);
    expect(recall).toBeGreaterThanOrEqual(0.99);
  }, 300_000);
});

/** Only `@^lb1` lines: they are real config lines on every host whose config id is not lb1. */
const NEGATED_ONLY = `global_defs {
    router_id lb
}
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
@^lb1    advert_int 300
    virtual_ipaddress {
        10.0.0.10/24
    }
}
`;

describe('@^ID lines', () => {
  const advertLines = (text: string, settings = {}) => lint({ path: '/c/keepalived.conf', text, settings }).diagnostics.filter((d) => text.slice(0, d.start).split('\n').length === 9);

  it('are checked as the variant where ID is not the config id, without one being named', () => {
    const found = advertLines(NEGATED_ONLY);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => d.message.endsWith('(with a config id other than lb1)'))).toBe(true);
    expect(advertLines(NEGATED_ONLY, { configIds: ['lb1'] })).toEqual([]);
  });

  it('do not report what only the union of both variants has', () => {
    const both = NEGATED_ONLY.replace('@^lb1    advert_int 300\n', '@^lb1    advert_int 2\n@lb1    advert_int 1\n');
    expect(lint({ path: '/c/keepalived.conf', text: both }).diagnostics).toEqual([]);
  });

  it.runIf(binary !== undefined)('agree with keepalived -t: line 9 is wrong only for other config ids', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kl-negated-')), 'keepalived.conf');
    writeFileSync(file, NEGATED_ONLY);
    const check = (id: string) => run('timeout', ['10', binary!, '-t', '-f', file, '-i', id, '-l', '-D', '-n'], { encoding: 'utf8' }).then((r) => `${r.stdout}${r.stderr}`, (e: { stdout: string; stderr: string }) => `${e.stdout}${e.stderr}`);
    expect(await check('lb1')).not.toMatch(/Line 9\)/);
    expect(await check(OTHER_ID)).toMatch(/Line 9\) number '300' outside range/);
  });
});
