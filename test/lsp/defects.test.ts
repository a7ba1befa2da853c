// Protocol tests of the editor defects of issue 12, each driven over stdio: duplicate
// publications, capability checks, dialect-aware hover and completion, completion positions,
// symbol kinds, token types, selection ranges, formatting options, inlay-hint ranges,
// prepareRename and code-action filtering.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './harness.js';

const TEXT = [
  'global_defs {',
  '    router_id lb1',
  '}',
  'vrrp_script chk_haproxy {',
  '    script "/usr/bin/killall -0 haproxy"',
  '}',
  'vrrp_instance VI_1 {',
  '    state BACKUP',
  '    interface eth0',
  '    virtual_router_id 51',
  '    priority 100',
  '    track_script {',
  '        chk_haproxy',
  '    }',
  '    virtual_ipaddress {',
  '        10.0.0.100/24 ',
  '        10.0.0.101/24 dev eth0',
  '    }',
  '}',
  'virtual_server_group web_group {',
  '    10.0.0.100 80',
  '}',
  'virtual_server group  {',
  '    lb_algo rr',
  '    #lb',
  '}',
  '',
].join('\n');

type Position = { line: number; character: number };
type Range = { start: Position; end: Position };

describe('language server defects (issue 12)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kl-defects-'));
  const file = join(dir, 'keepalived.conf');
  const lines = TEXT.split('\n');
  const at = (needle: string, shift = 0): Position => {
    const line = lines.findIndex((l) => l.includes(needle));
    return { line, character: lines[line].indexOf(needle) + shift };
  };
  let client: LspClient;
  let uri: string;

  beforeAll(async () => {
    writeFileSync(file, TEXT);
    client = new LspClient();
    // configuration, but no dynamic registration of didChangeConfiguration (eglot)
    client.configuration.keepalived = { dialect: 'dpvs' };
    await client.initialize(dir, { workspace: { configuration: true } });
    uri = client.open(file, TEXT);
    await client.diagnostics(uri);
  });
  afterAll(() => client.stop());

  const complete = async (position: Position) =>
    (await client.request<Array<{ label: string; documentation?: { value: string } }>>('textDocument/completion', { textDocument: { uri }, position }));

  it('publishes each diagnostic once (a "$b: one unterminated quote)', async () => {
    const other = join(dir, 'quote.conf');
    const quoteUri = client.open(other, 'a "$b\n');
    const diagnostics = await client.diagnostics(quoteUri);
    const keys = diagnostics.map((d) => JSON.stringify([d.range, d.code, d.message]));
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('registers didChangeConfiguration only with a client that supports dynamic registration', () => {
    expect(client.registrations).not.toContain('workspace/didChangeConfiguration');
  });

  it('lists the DPVS schedulers in hover and completion under dialect dpvs', async () => {
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: at('lb_algo', 2) });
    expect(hover.contents.value).toContain('conhash');
    expect(hover.contents.value).not.toContain('twos');
    const values = await complete(at('lb_algo rr', 8));
    expect(values.map((v) => v.label)).toContain('conhash');
    expect(values.map((v) => v.label)).not.toContain('twos');
    const keywords = await complete({ line: at('lb_algo').line, character: 4 });
    const doc = keywords.find((k) => k.label === 'lb_algo')?.documentation?.value ?? '';
    expect(doc).toContain('conhash');
    expect(doc).not.toContain('twos');
  });

  it('completes script names right after "track_script {"', async () => {
    const changed = TEXT.replace('    track_script {\n        chk_haproxy\n    }', '    track_script {}');
    const tmp = join(dir, 'track.conf');
    const trackUri = client.open(tmp, changed);
    const line = changed.split('\n').findIndex((l) => l.includes('track_script {'));
    const items = await client.request<Array<{ label: string }>>('textDocument/completion', { textDocument: { uri: trackUri }, position: { line, character: '    track_script {'.length } });
    expect(items.map((i) => i.label)).toEqual(['chk_haproxy']);
  });

  it('offers include, the words after a VIP and group names after "virtual_server group"', async () => {
    const top = await complete({ line: at('virtual_server_group').line, character: 0 });
    expect(top.map((i) => i.label)).toContain('include');
    const vip = await complete({ line: at('10.0.0.100/24').line, character: lines[at('10.0.0.100/24').line].length });
    expect(vip.map((i) => i.label)).toEqual(expect.arrayContaining(['dev', 'brd', 'label']));
    const groups = await complete(at('group  {', 6));
    expect(groups.map((i) => i.label)).toEqual(['web_group']);
  });

  it('offers nothing inside a comment', async () => {
    expect(await complete(at('#lb', 3))).toEqual([]);
  });

  it('gives document symbols kinds that say what the block is', async () => {
    const symbols = await client.request<Array<{ name: string; kind: number; children?: Array<{ name: string; kind: number }> }>>('textDocument/documentSymbol', { textDocument: { uri } });
    const kind = (prefix: string) => symbols.find((s) => s.name.startsWith(prefix))?.kind;
    expect(kind('global_defs')).toBe(3); // Namespace
    expect(kind('vrrp_script')).toBe(12); // Function
    expect(kind('vrrp_instance')).toBe(5); // Class
    expect(kind('virtual_server_group')).toBe(18); // Array
    const vips = symbols.find((s) => s.name.startsWith('vrrp_instance'))?.children?.find((c) => c.name === 'virtual_ipaddress');
    expect(vips?.kind).toBe(18);
  });

  it('types a script reference as a variable and an address as a number', async () => {
    const legend = ['keyword', 'namespace', 'variable', 'number', 'enumMember', 'string', 'comment', 'macro'];
    const { data } = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const tokens: Array<{ line: number; character: number; type: string }> = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      tokens.push({ line, character, type: legend[data[i + 3]] });
    }
    const typeAt = (p: Position) => tokens.find((t) => t.line === p.line && t.character === p.character)?.type;
    expect(typeAt(at('        chk_haproxy', 8))).toBe('variable');
    expect(typeAt(at('10.0.0.100/24'))).toBe('number');
    expect(typeAt(at('10.0.0.100 80'))).toBe('number');
  });

  it('widens a selection from the word to its line, then to the block', async () => {
    const [selection] = await client.request<Array<{ range: Range; parent?: { range: Range; parent?: { range: Range } } }>>('textDocument/selectionRange', { textDocument: { uri }, positions: [at('10.0.0.101/24', 3)] });
    const line = at('10.0.0.101/24').line;
    expect(selection.range).toEqual({ start: { line, character: 8 }, end: { line, character: 21 } });
    expect(selection.parent?.range.start.line).toBe(line);
    expect(selection.parent?.range).toEqual({ start: { line, character: 8 }, end: { line, character: 30 } });
    expect(selection.parent?.parent?.range.start.line).toBe(line - 2);
  });

  it('formats with the tab size and tabs the client asks for', async () => {
    const spaces = await client.request<Array<{ newText: string }>>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(spaces[0].newText.split('\n')[1]).toBe('  router_id lb1');
    const tabs = await client.request<Array<{ newText: string }>>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 8, insertSpaces: false } });
    expect(tabs[0].newText.split('\n')[1]).toBe('\trouter_id lb1');
  });

  it('answers prepareRename with the word under the cursor and rejects an invalid name', async () => {
    const reference = at('        chk_haproxy', 8);
    const prepared = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position: { ...reference, character: reference.character + 2 } });
    expect(prepared.range).toEqual({ start: reference, end: { line: reference.line, character: reference.character + 'chk_haproxy'.length } });
    await expect(client.request('textDocument/rename', { textDocument: { uri }, position: reference, newName: 'two words' })).rejects.toThrow(/chk_haproxy|name/);
  });

  it('honours context.only and finds fixes without the diagnostic data echoed back', async () => {
    const diagnostics = await client.diagnostics(uri);
    const withFix = diagnostics.find((d) => (d.data as { fix?: unknown } | undefined)?.fix);
    expect(withFix).toBeDefined();
    const bare = { ...withFix!, data: undefined };
    const actions = await client.request<Array<{ kind: string; isPreferred?: boolean; edit?: unknown }>>('textDocument/codeAction', { textDocument: { uri }, range: bare.range, context: { diagnostics: [bare] } });
    expect(actions.some((a) => a.isPreferred && a.edit)).toBe(true);
    const sourceOnly = await client.request<Array<{ kind: string }>>('textDocument/codeAction', { textDocument: { uri }, range: bare.range, context: { diagnostics: [bare], only: ['source'] } });
    expect(sourceOnly.filter((a) => a.kind.startsWith('quickfix'))).toEqual([]);
  });
});
