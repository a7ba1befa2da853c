// Protocol tests of the editing features on a small file: pull diagnostics, formatting,
// rename, references, folding, semantic tokens, completion of values and references.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './harness.js';

const TEXT = [
  'vrrp_script chk_web {',
  '  script "/usr/bin/true"',
  '}',
  'vrrp_instance VI_1 {',
  'state BACKUP',
  '  interface eth0',
  '  virtual_router_id 51',
  '  track_script {',
  '    chk_web',
  '  }',
  '  virtual_ipaddress {',
  '    10.0.0.100/24',
  '  }',
  '}',
  '',
].join('\n');

describe('language server editing features', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kl-lsp-'));
  const file = join(dir, 'keepalived.conf');
  let client: LspClient;
  let uri: string;

  beforeAll(async () => {
    writeFileSync(file, TEXT);
    client = new LspClient();
    const init = await client.initialize(dir, { textDocument: { diagnostic: { dynamicRegistration: false } } });
    expect(init.capabilities.diagnosticProvider).toBeDefined();
    uri = client.open(file, TEXT);
  });
  afterAll(() => client.stop());

  it('answers pull diagnostics when the client asks for them', async () => {
    const report = await client.request<{ kind: string; items: Array<{ code: string; range: { start: { line: number } } }> }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(report.kind).toBe('full');
    expect(report.items.map((d) => [d.code, d.range.start.line])).toEqual([['script-security-disabled', 1]]);
  });

  it('formats the document without changing what keepalived reads', async () => {
    const edits = await client.request<Array<{ newText: string }>>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    expect(edits).toHaveLength(1);
    expect(edits[0].newText.split('\n').slice(3, 6)).toEqual(['vrrp_instance VI_1 {', '    state BACKUP', '    interface eth0']);
  });

  it('renames a vrrp_script and every track_script that names it', async () => {
    const edit = await client.request<{ changes: Record<string, Array<{ range: { start: { line: number } }; newText: string }>> }>('textDocument/rename', { textDocument: { uri }, position: { line: 8, character: 6 }, newName: 'chk_nginx' });
    expect(edit.changes[uri].map((e) => [e.range.start.line, e.newText]).sort()).toEqual([[0, 'chk_nginx'], [8, 'chk_nginx']]);
    const references = await client.request<Array<{ range: { start: { line: number } } }>>('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 14 }, context: { includeDeclaration: false } });
    expect(references.map((r) => r.range.start.line)).toEqual([8]);
  });

  it('folds blocks and colours keywords, names and addresses', async () => {
    const folds = await client.request<Array<{ startLine: number; endLine: number }>>('textDocument/foldingRange', { textDocument: { uri } });
    expect(folds).toContainEqual({ startLine: 3, endLine: 12 });
    const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    expect(tokens.data.length % 5).toBe(0);
    expect(tokens.data.length / 5).toBeGreaterThan(10);
  });

  it('finds named blocks of open documents as workspace symbols', async () => {
    const symbols = await client.request<Array<{ name: string }>>('workspace/symbol', { query: 'chk' });
    expect(symbols.map((s) => s.name)).toEqual(['vrrp_script chk_web']);
  });

  it('completes enum values and defined names', async () => {
    const states = await client.request<Array<{ label: string }>>('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 6 } });
    expect(states.map((s) => s.label)).toEqual(['MASTER', 'BACKUP']);
    const scripts = await client.request<Array<{ label: string }>>('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 4 } });
    expect(scripts.map((s) => s.label)).toContain('chk_web');
  });
});
