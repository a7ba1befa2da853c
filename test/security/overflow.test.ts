// Stack overflows at the sizes they were found at: arrays spread into calls (`push(...big)`,
// `Math.max(...big)`) and regular expressions that push a backtrack entry per character.
// Each case failed with "Maximum call stack size exceeded" before the fix.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/index.js';
import { matchBlanks, matchComment, matchQuoted, matchUnterminatedQuote, matchWord } from '../../grammar/tokens.js';
import { readWorkspaceFile } from '../../server/src/analysis/host/from-workspace.js';
import { formatStylish } from '../../server/src/cli/formatters/stylish.js';
import type { Report } from '../../server/src/cli/report.js';
import { LspClient } from '../lsp/harness.js';
import { lintSnippet, TEST_PATH } from '../helpers/lint-text.js';

const crashes = (text: string) => lintSnippet(text).filter((d) => d.rule === 'internal-error').map((d) => d.message);

describe('no stack overflow on big inputs', () => {
  it('prints 130,000 diagnostics as stylish', () => {
    const diagnostics = Array.from({ length: 130_000 }, (_, i) => ({
      rule: 'unknown-keyword', severity: 'error' as const, message: 'unknown keyword', line: i + 1, column: 1, endLine: i + 1, endColumn: 4, lineText: 'foo',
    }));
    const report: Report = { files: [{ path: 'keepalived.conf', diagnostics }] };
    const out = formatStylish(report, { color: false }).split('\n');
    expect(out[2]).toBe('  2:1       error  unknown-keyword  unknown keyword');
    expect(out.at(-2)).toBe('✖ 130000 problems (130000 errors, 0 warnings, 0 infos)');
  });

  it('reads a workspace file with 200,000 addresses', () => {
    const addresses = Array.from({ length: 200_000 }, (_, i) => `      - 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}/32\n`).join('');
    const workspace = readWorkspaceFile('/ws/keepalived-lint.yaml', `version: 1\nhosts:\n  lb1:\n    addresses:\n${addresses}    configs: [keepalived.conf]\n`);
    expect(workspace.problems).toEqual([]);
    expect(workspace.facts.hosts[0].addresses.length).toBe(200_000);
    expect(workspace.hostConfigs[0].globs).toEqual(['keepalived.conf']);
  });

  it('lexes a single 8.4 MB word, quoted string and run of escapes', () => {
    for (const word of ['x'.repeat(8_400_000), `"${'q'.repeat(8_400_000)}"`, '\\x'.repeat(4_200_000)]) {
      expect(crashes(`router_id ${word}\n`)).toEqual([]);
      const tokens = parse(TEST_PATH, `router_id ${word} tail\n`).document.items;
      expect(tokens.length).toBe(1);
    }
  });

  it('matches blanks, comments, words and quoted strings exactly as the regular expressions they replace', () => {
    // The old patterns, as the reference on short inputs (where they cannot overflow).
    const patterns: Array<[(text: string, offset: number) => [string] | null, RegExp]> = [
      [matchWord, /(?:\\[^\r\n]|[^ \t\f\v\r\n"{}#!\\])+\\?|\\/y],
      [matchQuoted, /"(?:[^"\\\r\n]|\r(?!\r*\n)|\\[^\r\n])*"/y],
      [matchBlanks, /(?:[ \t\f\v]|\r(?!\r*\n))+/y],
      [matchComment, /[#!](?:[^\r\n]|\r(?!\r*\n))*/y],
      [matchUnterminatedQuote, /"(?:[^\r\n]|\r(?!\r*\n))*/y],
    ];
    const alphabet = ['a', '\\', '"', ' ', '#', '!', '{', '}', '\n', '\r', '\r', '\t', 'é'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length;
    for (let n = 0; n < 5000; n++) {
      const text = Array.from({ length: 1 + (n % 12) }, () => alphabet[next()]).join('');
      for (let offset = 0; offset < text.length; offset++) {
        for (const [match, re] of patterns) {
          re.lastIndex = offset;
          expect(match(text, offset)?.[0] ?? null, `${match.name} ${JSON.stringify([text, offset])}`).toBe(re.exec(text)?.[0] ?? null);
        }
      }
    }
  });

  it('lexes an 8.4 MB comment and 8.4 MB of blanks', () => {
    expect(crashes(`router_id a\n# ${'c'.repeat(8_400_000)}\n${' '.repeat(8_400_000)}x\n`)).toEqual([]);
  });

  it('checks a line of 200,000 words for invisible characters', () => {
    const hits = lintSnippet(`virtual_ipaddress {\n${'\u200b10.0.0.1 '.repeat(200_000)}\n}\n`).filter((d) => d.rule === 'invisible-character' || d.rule === 'internal-error');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.filter((d) => d.rule === 'internal-error')).toEqual([]);
  });
});

describe('no stack overflow in the editor', () => {
  it('publishes the 140,000 workspace diagnostics of a 4.7 MB config with 140,000 virtual_servers', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kl-overflow-'));
    const client = new LspClient();
    try {
      writeFileSync(join(root, 'keepalived-lint.yaml'), 'version: 1\nhosts:\n  lb1:\n    interfaces:\n      eth0: [192.168.10.11/24]\n    configs: [lb1/keepalived.conf]\n'
        + '  lb2:\n    interfaces:\n      eth0: [192.168.10.12/24]\n    configs: [lb2/keepalived.conf]\n');
      const vrrp = 'vrrp_instance VI_WEB {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n    priority 150\n    virtual_ipaddress {\n        192.168.10.100/24 dev eth0\n    }\n}\n';
      const services = Array.from({ length: 140_000 }, (_, i) => `virtual_server 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255} 80 {\n}\n`).join('');
      for (const host of ['lb1', 'lb2']) mkdirSync(join(root, host));
      writeFileSync(join(root, 'lb2', 'keepalived.conf'), vrrp);
      const text = vrrp + services;
      expect(text.length).toBeGreaterThan(4_700_000);
      writeFileSync(join(root, 'lb1', 'keepalived.conf'), text);
      await client.initialize(root);
      const uri = client.open(join(root, 'lb1', 'keepalived.conf'), text);
      const diagnostics = await client.diagnostics(uri, 1, 110_000);
      // Capped per file, with the summary last.
      expect(diagnostics.length).toBeGreaterThan(1);
      expect(diagnostics.at(-1)!.message).toMatch(/more not shown/);
      expect(diagnostics.filter((d) => d.code === 'pair-virtual-servers-differ').length).toBeGreaterThan(0);
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
