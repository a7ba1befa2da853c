// Incremental reparse must give exactly what a full parse gives, for any edit.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, reparse } from '../../grammar/index.js';
import { generateConfig } from '../../bench/generate.mjs';
import { corpusAvailable, loadCorpus } from '../helpers/corpus.js';
import { int, mulberry32, pick, type Rng } from '../fuzz/random.js';
import { parseEssence } from '../helpers/parse-essence.js';

const SNIPPETS = ['{', '}', '\n', ' ', 'x', '#', '!', '"', '\r\n', '\r', 'weight 2\n', 'real_server 10.0.0.9 80 {\n', '}\n', '{ a }', 'vrrp_instance V {\n state MASTER\n}\n', '$A=1\n', '@lb1 ', 'include x.conf\n', '~SEQ(i,1,2) y\n'];

function edit(rng: Rng, text: string): string {
  const at = int(rng, 0, text.length);
  const removed = int(rng, 0, 3) === 0 ? int(rng, 0, 40) : int(rng, 0, 2);
  return text.slice(0, at) + (int(rng, 0, 3) === 0 ? '' : pick(rng, SNIPPETS)) + text.slice(at + removed);
}

const sources = (): Array<[string, string]> => [
  ['generated', generateConfig(40)],
  ['generated, cut off inside a block', generateConfig(40).slice(0, 20_000)],
  ...readdirSync('examples', { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.conf')).map((p): [string, string] => [p, readFileSync(join('examples', p), 'utf8')]),
  ...(corpusAvailable() ? loadCorpus().filter((e) => !/[$@~]/.test(e.text)).slice(0, 40).map((e): [string, string] => [e.file, e.text]) : []),
];

describe('reparse', () => {
  it('equals a full parse after random edits, one after another', () => {
    const rng = mulberry32(20261205);
    for (const [name, source] of sources()) {
      let previous = { text: source, result: parse('/k.conf', source) };
      for (let i = 0; i < 25; i++) {
        const text = edit(rng, previous.text);
        const result = reparse(previous, '/k.conf', text);
        expect(parseEssence(result), `${name}, edit ${i}`).toEqual(parseEssence(parse('/k.conf', text)));
        previous = { text, result };
      }
    }
  });

  it('reuses the items an edit did not reach', () => {
    const rng = mulberry32(7);
    let reused = 0;
    let edits = 0;
    for (const [, source] of sources()) {
      const previous = { text: source, result: parse('/k.conf', source) };
      const before = new Set(previous.result.document.items);
      for (let i = 0; i < 25; i++) {
        const text = edit(rng, source);
        if (reparse(previous, '/k.conf', text).document.items.some((item) => before.has(item))) reused++;
        edits++;
      }
    }
    // Everything but edits that add a definition, a conditional, an include or a `{` left open.
    expect(reused / edits).toBeGreaterThan(0.6);
  });

  it('reads an edit below a block left open as part of that block (found by fuzzing)', () => {
    const text = 'vrrp_script chk {\n   #script "pgrep dockerd" ';
    const edited = text.replace('  #', ' x #');
    const result = reparse({ text, result: parse('/k.conf', text) }, '/k.conf', edited);
    expect(parseEssence(result)).toEqual(parseEssence(parse('/k.conf', edited)));
    expect(result.document.items).toHaveLength(1);
  });

  it('keeps the CR of a CRLF out of the reparsed region when an edit leaves a lone CR (found by fuzzing)', () => {
    const text = 'global_defs {\r\n    router_id a # note\r\n} # end\r\nvrrp_script s {\r\n}\r\n';
    const at = text.indexOf('\n', text.indexOf('note'));
    for (const insert of ['x', '}\n']) {
      const edited = text.slice(0, at) + insert + text.slice(at + 1);
      expect(parseEssence(reparse({ text, result: parse('/k.conf', text) }, '/k.conf', edited))).toEqual(parseEssence(parse('/k.conf', edited)));
    }
  });

  it('falls back to a full parse when the edit adds a definition or an unclosed block', () => {
    const text = 'global_defs {\n router_id a\n}\nvrrp_script s {\n script x\n}\n';
    const previous = { text, result: parse('/k.conf', text) };
    for (const changed of [text.replace(' router_id a', ' router_id $R'), '$R=b\n' + text, text.replace('vrrp_script s {', 'vrrp_script s {\n {')]) {
      expect(parseEssence(reparse(previous, '/k.conf', changed))).toEqual(parseEssence(parse('/k.conf', changed)));
    }
  });
});
