// Navigation over the include graph and the workspace, over stdio: definition, references,
// rename, prepareRename, document highlight and workspace symbols started in an included file,
// in a config whose objects an included file uses, and in another config of the same host.
// Two hosts share common/scripts.conf; each has its own VI_1, which must stay apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Trees } from '../security/fixtures.js';
import { applyEdits, ClientPool, type LspClient } from './harness.js';

type Position = { line: number; character: number };
type Range = { start: Position; end: Position };
type Edit = { range: Range; newText: string };
type Location = { uri: string; range: Range };

const WORKSPACE = `version: 1
hosts:
  lvs-a:
    interfaces:
      eth0: [192.168.10.11/24]
    configs: [lvs-a/keepalived.conf, lvs-a/sync.conf]
  lvs-b:
    interfaces:
      eth0: [192.168.10.12/24]
    configs: [lvs-b/keepalived.conf]
`;

const SCRIPTS = `vrrp_script chk_haproxy {
    script "/usr/bin/killall -0 haproxy"
    interval 2
}
`;

const instance = (state: string, priority: number, scripts: string) => `global_defs {
    router_id ${state === 'MASTER' ? 'lvs_a' : 'lvs_b'}
}
include ../common/scripts.conf
${scripts}vrrp_instance VI_1 {
    state ${state}
    interface eth0
    virtual_router_id 51
    priority ${priority}
    advert_int 1
    track_script {
        chk_haproxy
    }
    virtual_ipaddress {
        192.168.10.100/24
    }
}
`;
const LVS_A = instance('MASTER', 150, '');
const LVS_B = instance('BACKUP', 100, 'vrrp_script chk_web {\n    script "/usr/bin/curl -sf http://127.0.0.1/"\n    interval 2\n}\n');
const SYNC = `vrrp_sync_group SG_1 {
    group {
        VI_1
    }
}
`;

/** Position of the `nth` occurrence of `needle` in `text`, plus `shift` characters. */
function at(text: string, needle: string, shift = 0, nth = 0): Position {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length + shift };
}

const trees = new Trees();
const pool = new ClientPool();
afterAll(async () => {
  await pool.stopAll();
  trees.removeAll();
});
const start = (folder: string) => pool.start(folder);

describe('navigation over an include tree and the configs of a workspace', () => {
  let folder: string;
  let client: LspClient;
  const path = (rel: string) => join(folder, rel);
  const uri = (rel: string) => pathToFileURL(path(rel)).href;
  const relOf = (u: string) => fileURLToPath(u).slice(folder.length + 1);
  /** [file, line, character] of each location, sorted. */
  const places = (locations: Location[]) => locations.map((l) => [relOf(l.uri), l.range.start.line, l.range.start.character]).sort();

  beforeAll(async () => {
    folder = trees.make({
      'keepalived-lint.yaml': WORKSPACE, 'common/scripts.conf': SCRIPTS, 'lvs-a/keepalived.conf': LVS_A, 'lvs-a/sync.conf': SYNC, 'lvs-b/keepalived.conf': LVS_B,
    });
    client = await start(folder);
    client.open(path('common/scripts.conf'), SCRIPTS);
    client.open(path('lvs-a/keepalived.conf'), LVS_A);
    await client.diagnostics(uri('lvs-a/keepalived.conf'));
  });

  it('renames a vrrp_script from the included file in every config that includes it, leaving no undefined-reference', async () => {
    const edit = await client.request<{ changes: Record<string, Edit[]> }>('textDocument/rename', {
      textDocument: { uri: uri('common/scripts.conf') }, position: at(SCRIPTS, 'chk_haproxy', 3), newName: 'chk_haproxy_alive',
    });
    const lines = (rel: string) => edit.changes[uri(rel)]?.map((e) => [e.range.start.line, e.newText]);
    expect(Object.keys(edit.changes).map(relOf).sort()).toEqual(['common/scripts.conf', 'lvs-a/keepalived.conf', 'lvs-b/keepalived.conf']);
    expect(lines('common/scripts.conf')).toEqual([[0, 'chk_haproxy_alive']]);
    expect(lines('lvs-a/keepalived.conf')).toEqual([[at(LVS_A, '        chk_haproxy').line, 'chk_haproxy_alive']]);

    // The editor applies the edit: open buffers change, the closed includer is written.
    const scripts = applyEdits(SCRIPTS, edit.changes[uri('common/scripts.conf')]);
    const lvsA = applyEdits(LVS_A, edit.changes[uri('lvs-a/keepalived.conf')]);
    writeFileSync(path('lvs-b/keepalived.conf'), applyEdits(LVS_B, edit.changes[uri('lvs-b/keepalived.conf')]));
    client.change(uri('common/scripts.conf'), 2, scripts);
    client.change(uri('lvs-a/keepalived.conf'), 2, lvsA);
    const codes = async (rel: string, version: number) => (await client.diagnostics(uri(rel), version)).map((d) => d.code);
    expect(await codes('lvs-a/keepalived.conf', 2)).not.toContain('undefined-reference');
    client.open(path('lvs-b/keepalived.conf'), readFileSync(path('lvs-b/keepalived.conf'), 'utf8'));
    expect(await codes('lvs-b/keepalived.conf', 1)).not.toContain('undefined-reference');
    expect(readFileSync(path('lvs-b/keepalived.conf'), 'utf8')).toContain('        chk_haproxy_alive\n');

    // Back to the original names, for the other tests.
    client.change(uri('common/scripts.conf'), 3, SCRIPTS);
    client.change(uri('lvs-a/keepalived.conf'), 3, LVS_A);
    client.change(uri('lvs-b/keepalived.conf'), 2, LVS_B);
    writeFileSync(path('lvs-b/keepalived.conf'), LVS_B);
    await client.diagnostics(uri('lvs-a/keepalived.conf'), 3);
  });

  it('finds the definition in the included file and the references of every includer, from a reference', async () => {
    const position = at(LVS_A, '        chk_haproxy', 10);
    const definitions = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uri('lvs-a/keepalived.conf') }, position });
    expect(places(definitions)).toEqual([['common/scripts.conf', 0, 12]]);
    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uri('lvs-a/keepalived.conf') }, position, context: { includeDeclaration: false } });
    const line = at(LVS_A, '        chk_haproxy').line;
    expect(places(references)).toEqual([['lvs-a/keepalived.conf', line, 8], ['lvs-b/keepalived.conf', at(LVS_B, '        chk_haproxy').line, 8]]);
  });

  it("keeps to one host: VI_1 of lvs-a is found in lvs-a's other config, never in lvs-b", async () => {
    const rename = await client.request<{ changes: Record<string, Edit[]> }>('textDocument/rename', {
      textDocument: { uri: uri('lvs-a/keepalived.conf') }, position: at(LVS_A, 'VI_1', 1), newName: 'VI_WEB',
    });
    expect(Object.keys(rename.changes).map(relOf).sort()).toEqual(['lvs-a/keepalived.conf', 'lvs-a/sync.conf']);
    const sync = client.open(path('lvs-a/sync.conf'), SYNC);
    const definitions = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: sync }, position: at(SYNC, 'VI_1', 2) });
    expect(places(definitions)).toEqual([['lvs-a/keepalived.conf', at(LVS_A, 'VI_1').line, at(LVS_A, 'VI_1').character]]);
  });

  it('rejects a new name another config of the rename already uses, and one keepalived would not read as a name', async () => {
    const params = { textDocument: { uri: uri('common/scripts.conf') }, position: at(SCRIPTS, 'chk_haproxy', 1) };
    // chk_web is defined in lvs-b/keepalived.conf only, which includes the script.
    await expect(client.request('textDocument/rename', { ...params, newName: 'chk_web' })).rejects.toMatchObject({ code: -32803, message: expect.stringContaining("'chk_web' already exists") });
    await expect(client.request('textDocument/rename', { ...params, newName: 'chk{web' })).rejects.toMatchObject({ code: -32803, message: expect.stringContaining('one word') });
    const prepared = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: uri('lvs-a/keepalived.conf') }, position: at(LVS_A, '        chk_haproxy', 12) });
    expect(prepared).toEqual({ range: { start: at(LVS_A, '        chk_haproxy', 8), end: at(LVS_A, '        chk_haproxy', 8 + 'chk_haproxy'.length) }, placeholder: 'chk_haproxy' });
  });

  it('highlights the occurrences in the document, the definition as a write', async () => {
    const highlights = await client.request<Array<{ range: Range; kind: number }>>('textDocument/documentHighlight', { textDocument: { uri: uri('lvs-a/keepalived.conf') }, position: at(LVS_A, '        chk_haproxy', 9) });
    expect(highlights).toEqual([{ range: { start: at(LVS_A, '        chk_haproxy', 8), end: at(LVS_A, '        chk_haproxy', 19) }, kind: 2 }]);
    const own = await client.request<Array<{ range: Range; kind: number }>>('textDocument/documentHighlight', { textDocument: { uri: uri('common/scripts.conf') }, position: at(SCRIPTS, 'chk_haproxy') });
    expect(own.map((h) => [h.range.start.line, h.kind])).toEqual([[0, 3]]);
  });

  it('lists the named blocks of every config of keepalived-lint.yaml, open or not', async () => {
    const fresh = await start(folder);
    const symbols = await fresh.request<Array<{ name: string; kind: number; location: Location }>>('workspace/symbol', { query: 'VI_1' });
    expect(symbols.map((s) => [s.name, relOf(s.location.uri), s.kind]).sort()).toEqual([
      ['vrrp_instance VI_1', 'lvs-a/keepalived.conf', 5], ['vrrp_instance VI_1', 'lvs-b/keepalived.conf', 5],
    ]);
    const scripts = await fresh.request<Array<{ name: string; location: Location }>>('workspace/symbol', { query: 'chk_' });
    expect(scripts.map((s) => [s.name, relOf(s.location.uri)]).sort()).toEqual([['vrrp_script chk_haproxy', 'common/scripts.conf'], ['vrrp_script chk_web', 'lvs-b/keepalived.conf']]);
  });
});

describe('navigation from an included file without a workspace file', () => {
  it('finds the keepalived.conf above that includes it', async () => {
    const main = 'include conf.d/*.conf\nvrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    track_script {\n        chk_dns\n    }\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n';
    const scripts = 'vrrp_script chk_dns {\n    script "/usr/bin/dig @127.0.0.1 example.org"\n}\n';
    const folder = trees.make({ 'keepalived.conf': main, 'conf.d/scripts.conf': scripts, 'conf.d/other.conf': '' });
    const client = await start(folder);
    const included = client.open(join(folder, 'conf.d', 'scripts.conf'), scripts);
    await client.diagnostics(included);
    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri: included }, position: at(scripts, 'chk_dns', 2), context: { includeDeclaration: true } });
    expect(references.map((r) => [fileURLToPath(r.uri).slice(folder.length + 1), r.range.start.line]).sort()).toEqual([['conf.d/scripts.conf', 0], ['keepalived.conf', 7]]);
  });

  it('sees a file created where an include pattern of an already-read includer looks', async () => {
    const main = 'include conf.d/*.conf\nvrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    track_script {\n        chk_dns\n    }\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n';
    const scripts = 'vrrp_script chk_dns {\n    script "/usr/bin/dig @127.0.0.1 example.org"\n}\n';
    const folder = trees.make({ 'keepalived.conf': main, 'conf.d/.keep': '' });
    const client = await start(folder);
    const includer = client.open(join(folder, 'keepalived.conf'), main);
    await client.diagnostics(includer);
    // Navigation reads the includer while conf.d/*.conf matches nothing.
    const before = await client.request<Location[]>('textDocument/references', { textDocument: { uri: includer }, position: at(main, 'chk_dns', 2), context: { includeDeclaration: true } });
    expect(before.map((r) => fileURLToPath(r.uri).slice(folder.length + 1))).toEqual(['keepalived.conf']);
    // The file appears on disk; no file-change notification reaches the server (a slow watcher).
    writeFileSync(join(folder, 'conf.d', 'scripts.conf'), scripts);
    const included = client.open(join(folder, 'conf.d', 'scripts.conf'), scripts);
    const rename = await client.request<{ changes: Record<string, Edit[]> }>('textDocument/rename', { textDocument: { uri: included }, position: at(scripts, 'chk_dns', 2), newName: 'chk_bind' });
    expect(Object.entries(rename.changes).map(([u, edits]) => [fileURLToPath(u).slice(folder.length + 1), edits.map((e) => e.range.start.line)]).sort()).toEqual([['conf.d/scripts.conf', [0]], ['keepalived.conf', [7]]]);
  });

  it('refuses to rename a name that a $NAME expansion writes, and says why', async () => {
    const text = '$SCRIPT=chk_dns\nvrrp_script chk_dns {\n    script "/bin/true"\n}\nvrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    track_script {\n        $SCRIPT\n    }\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n';
    const folder = trees.make({ 'keepalived.conf': text });
    const client = await start(folder);
    const doc = client.open(join(folder, 'keepalived.conf'), text);
    await client.diagnostics(doc);
    const position = at(text, 'vrrp_script chk_dns', 13);
    await expect(client.request('textDocument/prepareRename', { textDocument: { uri: doc }, position })).rejects.toMatchObject({ message: expect.stringContaining('$SCRIPT') });
    await expect(client.request('textDocument/rename', { textDocument: { uri: doc }, position, newName: 'chk_bind' })).rejects.toMatchObject({ code: -32803 });
  });
});
