// Protocol-level tests of the language server on the incident example.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './harness.js';

const ROOT = join(__dirname, '..', '..');
const INCIDENT = join(ROOT, 'examples', 'incident');
const LVS_A = join(INCIDENT, 'lvs-a', 'keepalived.conf');

describe('language server over stdio', () => {
  let client: LspClient;
  let uri: string;
  const text = readFileSync(LVS_A, 'utf8');
  const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

  beforeAll(async () => {
    client = new LspClient();
    const init = await client.initialize(INCIDENT);
    expect(init.capabilities.hoverProvider).toBe(true);
    uri = client.open(LVS_A, text);
  });
  afterAll(() => client.stop());

  it('publishes the same diagnostics as the CLI, with rule codes and doc links', async () => {
    const diagnostics = await client.diagnostics(uri);
    const byRule = new Map(diagnostics.map((d) => [d.code, d]));
    expect(byRule.get('local-address-not-on-host')?.range.start.line).toBe(lineOf('10.186.87.106 bond0'));
    expect(byRule.get('nopreempt-with-master')?.range.start.line).toBe(lineOf('nopreempt'));
    expect(byRule.get('fnat-replies-missing')?.range.start.line).toBe(lineOf('virtual_server'));
    const local = byRule.get('local-address-not-on-host')!;
    expect(local.source).toBe('keepalived-lint');
    expect(local.codeDescription?.href).toMatch(/docs\/rules\/local-address-not-on-host\.md$/);
    expect(local.relatedInformation?.some((r) => r.location.uri.endsWith('keepalived-lint.yaml'))).toBe(true);
  });

  it('offers the rule fix as the preferred quick fix, plus disable actions', async () => {
    const diagnostics = await client.diagnostics(uri);
    const local = diagnostics.find((d) => d.code === 'local-address-not-on-host')!;
    const actions = await client.request<Array<{ title: string; isPreferred?: boolean; edit?: { changes: Record<string, Array<{ newText: string }>> } }>>('textDocument/codeAction', { textDocument: { uri }, range: local.range, context: { diagnostics: [local] } });
    const preferred = actions.find((a) => a.isPreferred)!;
    expect(preferred.title).toContain('10.186.87.105');
    expect(Object.values(preferred.edit!.changes)[0][0].newText).toBe('10.186.87.105');
    expect(actions.map((a) => a.title)).toContain('Disable local-address-not-on-host for this line');
  });

  it('offers the quick fix for a word expanded from $ALG in the definition, never at the use (issue 9)', async () => {
    const path = join(INCIDENT, 'lvs-a', 'alg.conf');
    const alg = client.open(path, '$ALG=lb_algo rr\nvirtual_server 10.0.0.1 80 {\n    $ALG\n    protocol TCP\n}\n');
    const deprecated = (await client.diagnostics(alg)).find((d) => d.code === 'deprecated-keyword')!;
    expect(deprecated.range.start.line).toBe(2);
    type Edit = { range: { start: { line: number; character: number } }; newText: string };
    const actions = await client.request<Array<{ title: string; kind?: string; isPreferred?: boolean; edit?: { changes: Record<string, Edit[]> } }>>('textDocument/codeAction', { textDocument: { uri: alg }, range: deprecated.range, context: { diagnostics: [deprecated] } });
    const edits = actions.filter((a) => a.kind === 'quickfix' && a.edit && !a.title.startsWith('Disable')).flatMap((a) => Object.values(a.edit!.changes).flat());
    expect(edits.map((e) => [e.range.start.line, e.range.start.character, e.newText])).toEqual([[0, 5, 'lvs_sched']]);
  });

  it('answers hover on keywords and on addresses of other hosts', async () => {
    const line = lineOf('virtual_router_id');
    const keyword = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line, character: 6 } });
    expect(keyword.contents.value).toContain('virtual_router_id');
    const address = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: lineOf('10.186.87.106 bond0'), character: 6 } });
    expect(address.contents.value).toContain('lvs-b');
  });

  it('completes keywords of the enclosing block and enum values', async () => {
    const line = lineOf('advert_int');
    const items = await client.request<Array<{ label: string }>>('textDocument/completion', { textDocument: { uri }, position: { line, character: 4 } });
    expect(items.map((i) => i.label)).toContain('priority');
    expect(items.map((i) => i.label)).not.toContain('delay_loop');
  });

  it('finds the local_address_group definition from laddr_group_name and lists the outline', async () => {
    const line = lineOf('laddr_group_name');
    const column = text.split('\n')[line].indexOf('laddr_g1') + 2;
    const locations = await client.request<Array<{ range: { start: { line: number } } }>>('textDocument/definition', { textDocument: { uri }, position: { line, character: column } });
    expect(locations.map((l) => l.range.start.line)).toEqual([lineOf('local_address_group laddr_g1')]);
    const symbols = await client.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['global_defs', 'vrrp_instance VI_LVS', 'local_address_group laddr_g1', 'virtual_server 10.186.86.79 8443']);
  });

  it('shows the owning host next to another host\'s address', async () => {
    const hints = await client.request<Array<{ label: string; position: { line: number } }>>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } });
    expect(hints.some((h) => h.label.includes('lvs-b') && h.position.line === lineOf('10.186.87.106 bond0'))).toBe(true);
    // Only the lines the client asks for (issue 12: the requested range was ignored).
    const line = lineOf('10.186.87.106 bond0');
    const before = await client.request<unknown[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: line - 1, character: 0 } } });
    expect(before.some((h) => (h as { position: { line: number } }).position.line >= line)).toBe(false);
  });

  it('publishes the workspace file\'s diagnostics (swapped parameters) with the config', async () => {
    const yamlUri = pathToFileURL(join(INCIDENT, 'keepalived-lint.yaml')).href;
    const diagnostics = await client.diagnostics(yamlUri);
    expect(diagnostics.map((d) => d.code)).toEqual(['swapped-node-parameters']);
  });

  it('re-lints after an edit and clears nothing it should keep', async () => {
    const fixed = text.replace('10.186.87.106 bond0', '10.186.87.105 bond0');
    client.change(uri, 2, fixed);
    const diagnostics = await client.diagnostics(uri, 2);
    expect(diagnostics.map((d) => d.code)).not.toContain('local-address-not-on-host');
    expect(diagnostics.map((d) => d.code)).toContain('nopreempt-with-master');
  });
});
