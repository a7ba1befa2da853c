// The editor answers from the same workspace model as the CLI (issue 12), driven over stdio:
// an open config shows what `keepalived-lint FILE` reports for it (a fragment through its
// includer, a config compared with its peers); an edit of an included file or of a peer
// re-lints the open documents that read it; the keepalived.workspaceFile setting names the
// workspace file; an untitled buffer takes nothing from the server's working directory.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { buildCli, ROOT, runCli, treesRemovedAfterAll, type JsonOutput } from '../cli/harness.js';
import { twoHostFiles } from '../helpers/two-hosts.js';
import { LspClient } from './harness.js';

const tree = treesRemovedAfterAll();
const cli = buildCli();
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

const fromEditor = (diagnostics: Diagnostic[]) => diagnostics
  .map((d) => JSON.stringify([d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, d.code, SEVERITY[d.severity ?? 0], d.message])).sort();

function fromCli(root: string, file: string): string[] {
  const output = JSON.parse(runCli(cli, ['-f', 'json', file], { cwd: root }).stdout) as JsonOutput;
  return (output.files.find((f) => f.path === file)?.diagnostics ?? []).map((d) => JSON.stringify([d.line, d.column, d.endLine, d.endColumn, d.rule, d.severity, d.message])).sort();
}

let client: LspClient | undefined;
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

async function start(root: string, configuration: Record<string, unknown> = {}, cwd?: string): Promise<LspClient> {
  client = new LspClient(['--stdio'], cwd);
  Object.assign(client.configuration, configuration);
  await client.initialize(root, { workspace: { configuration: true } });
  return client;
}

const openFile = (c: LspClient, root: string, file: string) => c.open(join(root, file), readFileSync(join(root, file), 'utf8'));

/** Waits until the diagnostics published for `uri` satisfy `done`. */
async function until(c: LspClient, uri: string, done: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  for (let attempt = 0; ; attempt++) {
    const diagnostics = await c.diagnostics(uri);
    if (done(diagnostics)) return diagnostics;
    if (attempt > 100) throw new Error(`diagnostics of ${uri} never changed: ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    c.forget(uri);
  }
}
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

describe('the editor agrees with the CLI on one file of a workspace', () => {
  it('on the incident example, for every rule', async () => {
    const root = tree({});
    cpSync(join(ROOT, 'examples', 'incident'), root, { recursive: true });
    const c = await start(root);
    const editor = fromEditor(await c.diagnostics(openFile(c, root, 'lvs-a/keepalived.conf')));
    expect(editor.length).toBeGreaterThan(3);
    expect(editor).toEqual(fromCli(root, 'lvs-a/keepalived.conf'));
  });

  it('on a two-host workspace: a changed auth_pass in a fragment gives pair-auth-differs, as in the CLI', async () => {
    const root = tree(twoHostFiles('changed1'));
    const c = await start(root);
    const fragment = fromEditor(await c.diagnostics(openFile(c, root, 'lb1/conf.d/vrrp.conf')));
    expect(fragment.map((d) => JSON.parse(d)[4])).toEqual(['pair-auth-differs']);
    expect(fragment).toEqual(fromCli(root, 'lb1/conf.d/vrrp.conf'));
  });

  it('on a two-host workspace: a virtual_server on the partner\'s VIP is no virtual-server-address-not-vip', async () => {
    const root = tree(twoHostFiles());
    const c = await start(root);
    expect(await c.diagnostics(openFile(c, root, 'lb1/keepalived.conf'))).toEqual([]);
    expect(fromCli(root, 'lb1/keepalived.conf')).toEqual([]);
  });
});

describe('an edit re-lints the open documents that read the edited file', () => {
  it('editing an included file updates the diagnostics of the open file that includes it', async () => {
    const main = 'global_defs {\n    router_id lb1\n}\ninclude scripts.conf\nvrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    track_script {\n        chk_haproxy\n    }\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n';
    const scripts = 'vrrp_script chk_haproxy {\n    script "/usr/bin/pgrep haproxy"\n}\n';
    const root = tree({ 'keepalived.conf': main, 'scripts.conf': scripts });
    const c = await start(root);
    const mainUri = openFile(c, root, 'keepalived.conf');
    expect(codes(await c.diagnostics(mainUri))).not.toContain('undefined-reference');
    const scriptsUri = openFile(c, root, 'scripts.conf');
    await c.diagnostics(scriptsUri);
    c.forget(mainUri);
    c.change(scriptsUri, 2, scripts.replace('chk_haproxy', 'chk_nginx'));
    const stale = await until(c, mainUri, (d) => codes(d).includes('undefined-reference'));
    expect(stale.find((d) => d.code === 'undefined-reference')?.range.start.line).toBe(10);
    c.forget(mainUri);
    c.change(scriptsUri, 3, scripts);
    await until(c, mainUri, (d) => !codes(d).includes('undefined-reference'));
  });

  it('editing one host\'s auth_pass makes pair-auth-differs appear in its open peer', async () => {
    const root = tree(twoHostFiles());
    const c = await start(root);
    const lb1 = openFile(c, root, 'lb1/conf.d/vrrp.conf');
    expect(await c.diagnostics(lb1)).toEqual([]);
    const lb2Text = readFileSync(join(root, 'lb2/keepalived.conf'), 'utf8');
    const lb2 = c.open(join(root, 'lb2/keepalived.conf'), lb2Text);
    await c.diagnostics(lb2);
    c.forget(lb1);
    c.change(lb2, 2, lb2Text.replace('auth_pass secret1', 'auth_pass other99'));
    const found = await until(c, lb1, (d) => codes(d).includes('pair-auth-differs'));
    expect(found.find((d) => d.code === 'pair-auth-differs')?.range.start.line).toBe(8);
  });
});

describe('which workspace file applies', () => {
  const CONFIG = '# keepalived-lint host=lb1\nglobal_defs {\n    router_id lb1\n}\nvrrp_instance VI_1 {\n    state BACKUP\n    interface eth9\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n';
  const HOSTS = 'version: 1\nhosts:\n  lb1:\n    interfaces:\n      eth0: [10.0.0.11/24]\n';

  it('uses the workspace file the keepalived.workspaceFile setting names', async () => {
    const root = tree({ 'lb1.keepalived.conf': CONFIG, 'inventory/prod-hosts.yaml': HOSTS });
    const c = await start(root, { keepalived: { workspaceFile: 'inventory/prod-hosts.yaml' } });
    expect(codes(await c.diagnostics(openFile(c, root, 'lb1.keepalived.conf')))).toEqual(['interface-not-on-host']);
  });

  it('without the setting, that file is not found and no host check runs', async () => {
    const root = tree({ 'lb1.keepalived.conf': CONFIG, 'inventory/prod-hosts.yaml': HOSTS });
    const c = await start(root);
    expect(codes(await c.diagnostics(openFile(c, root, 'lb1.keepalived.conf')))).toEqual([]);
  });

  it('an untitled buffer does not pick up the keepalived-lint.yaml of the server\'s working directory', async () => {
    const root = tree({ 'keepalived-lint.yaml': `${HOSTS}rules:\n  interface-not-on-host: off\n  missing-required-keyword: off\n` });
    const text = 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    priority 100\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n';
    // As Neovim starts it: the working directory is the workspace root, and the user reads everywhere.
    const c = await start(root, { 'keepalived.includeOutsideRoot': true }, root);
    const saved = c.open(join(root, 'saved.conf'), text);
    expect(codes(await c.diagnostics(saved))).not.toContain('missing-required-keyword');
    const untitled = 'untitled:Untitled-1';
    void c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'keepalived', version: 1, text } });
    expect(codes(await c.diagnostics(untitled))).toContain('missing-required-keyword');
    expect(pathToFileURL(root).href).not.toBe(untitled);
  });
});

/** `text` with LSP text edits applied (edits do not overlap). */
function applyEdits(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
  const offset = (p: { line: number; character: number }) => lineStarts[p.line] + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((out, e) => out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end)), text);
}

describe('keepalived-lint.yaml in the editor', () => {
  it('offers the swapped-node-parameters fix as a quick fix, the same edit --fix makes', async () => {
    const root = tree({});
    cpSync(join(ROOT, 'examples', 'incident'), root, { recursive: true });
    const c = await start(root);
    const yaml = readFileSync(join(root, 'keepalived-lint.yaml'), 'utf8');
    const uri = c.open(join(root, 'keepalived-lint.yaml'), yaml);
    const diagnostics = await until(c, uri, (d) => codes(d).includes('swapped-node-parameters'));
    const swapped = diagnostics.filter((d) => d.code === 'swapped-node-parameters');
    const actions = await c.request<Array<{ title: string; kind: string; edit?: { changes: Record<string, Parameters<typeof applyEdits>[1]> } }>>('textDocument/codeAction', {
      textDocument: { uri }, range: swapped[0].range, context: { diagnostics: swapped, only: ['quickfix'] },
    });
    expect(actions.map((a) => a.kind)).toEqual(['quickfix']);
    expect(Object.keys(actions[0].edit!.changes)).toEqual([uri]);
    const fixed = applyEdits(yaml, actions[0].edit!.changes[uri]);
    const dryRun = JSON.parse(runCli(cli, ['-f', 'json', '--fix-dry-run'], { cwd: root }).stdout) as JsonOutput;
    expect(fixed).toBe(dryRun.files.find((f) => f.path === 'keepalived-lint.yaml')?.output);
    expect(fixed).toContain('lvs_node1: { value: 10.186.87.105, node_label: ddm_lvs1 }');
  });

  it('an edit of the open yaml re-lints the open configs with its buffer, before it is saved', async () => {
    const root = tree({});
    cpSync(join(ROOT, 'examples', 'incident'), root, { recursive: true });
    const c = await start(root);
    const lvsA = openFile(c, root, 'lvs-a/keepalived.conf');
    expect(codes(await c.diagnostics(lvsA))).toContain('local-address-not-on-host');
    const yaml = readFileSync(join(root, 'keepalived-lint.yaml'), 'utf8');
    const uri = c.open(join(root, 'keepalived-lint.yaml'), yaml);
    await c.diagnostics(uri);
    c.forget(lvsA);
    // lvs-a also owns the address its local_address_group holds: nothing left to report there.
    c.change(uri, 2, yaml.replace('bond0: [10.186.87.105/23]', 'bond0: [10.186.87.105/23, 10.186.87.106/23]'));
    await until(c, lvsA, (d) => !codes(d).includes('local-address-not-on-host'));
  });

  it('offers no disable comment in the yaml, and nothing for a diagnostic it did not publish', async () => {
    const root = tree({});
    cpSync(join(ROOT, 'examples', 'incident'), root, { recursive: true });
    const c = await start(root);
    const uri = c.open(join(root, 'keepalived-lint.yaml'), readFileSync(join(root, 'keepalived-lint.yaml'), 'utf8'));
    const [published] = (await until(c, uri, (d) => codes(d).includes('swapped-node-parameters'))).filter((d) => d.code === 'swapped-node-parameters');
    const foreign = { ...published, message: 'not ours' };
    const actions = await c.request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: published.range, context: { diagnostics: [foreign] } });
    expect(actions).toEqual([]);
  });
});
