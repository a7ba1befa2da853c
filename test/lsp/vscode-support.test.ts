// What the VS Code extension relies on, over stdio: the source.fixAll.keepalived action that
// fix-on-save applies, the keepalived/fileInfo request behind the status bar item, the rule
// links to the docs shipped beside the server, and the untrusted-workspace mode.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Trees } from '../security/fixtures.js';
import { LspClient } from './harness.js';

const ROOT = join(__dirname, '..', '..');
const INCIDENT = join(ROOT, 'examples', 'incident');
const FIX_ALL = 'source.fixAll.keepalived';

const trees = new Trees();
const clients: LspClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  trees.removeAll();
});

async function start(folder: string, initializationOptions?: object): Promise<LspClient> {
  const client = new LspClient();
  clients.push(client);
  await client.initialize(folder, { workspace: { configuration: true } }, initializationOptions);
  return client;
}

type Edit = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
type Action = { title: string; kind?: string; edit?: { changes: Record<string, Edit[]> } };

/** The text after applying LSP edits (non-overlapping) to `text`. */
function applyEdits(text: string, edits: Edit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((out, e) => out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end)), text);
}

const DEPRECATED = `virtual_server 10.0.0.100 80 {
    lb_algo rr
    lb_kind NAT
    protocol TCP
    real_server 10.0.1.11 80 {
        weight 1
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
`;

describe('source.fixAll.keepalived (fix on save)', () => {
  it('applies every rule fix of the file in one action, and only when asked for that kind', async () => {
    const folder = trees.make({ 'keepalived.conf': DEPRECATED });
    const client = await start(folder);
    const uri = client.open(join(folder, 'keepalived.conf'), DEPRECATED);
    expect((await client.diagnostics(uri)).map((d) => d.code)).toEqual(['deprecated-keyword', 'deprecated-keyword']);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const ask = (only?: string[]) => client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only } });

    const [fixAll, ...others] = (await ask([FIX_ALL])).filter((a) => a.kind === FIX_ALL);
    expect(others).toEqual([]);
    const fixed = applyEdits(DEPRECATED, fixAll.edit!.changes[uri]);
    expect(fixed).toBe(DEPRECATED.replace('lb_algo', 'lvs_sched').replace('lb_kind', 'lvs_method'));
    // VS Code asks for the parent kind too ("source" in the Source Action menu).
    expect((await ask(['source'])).some((a) => a.kind === FIX_ALL)).toBe(true);
    expect((await ask(['quickfix'])).some((a) => a.kind === FIX_ALL)).toBe(false);

    client.change(uri, 2, fixed);
    expect(await client.diagnostics(uri, 2)).toEqual([]);
    expect((await ask([FIX_ALL])).filter((a) => a.kind === FIX_ALL)).toEqual([]);
  });

  it('declares the kind, so VS Code offers it in editor.codeActionsOnSave', async () => {
    const client = new LspClient();
    clients.push(client);
    const init = await client.initialize(trees.make());
    expect((init.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds).toContain(FIX_ALL);
  });
});

describe('keepalived/fileInfo (the status bar item)', () => {
  it('names the dialect, the workspace file and the host whose configs match the file', async () => {
    const client = await start(INCIDENT);
    const path = join(INCIDENT, 'lvs-b', 'keepalived.conf');
    const uri = client.open(path, readFileSync(path, 'utf8'));
    await client.diagnostics(uri);
    expect(await client.request('keepalived/fileInfo', { uri })).toEqual({
      dialect: 'dpvs', keepalivedVersion: '2.2.7', workspaceFile: join(INCIDENT, 'keepalived-lint.yaml'), host: 'lvs-b', trusted: true,
    });
  });

  it('answers for a config no workspace file maps to a host', async () => {
    const folder = trees.make({ 'keepalived-lint.yaml': 'version: 1\nhosts:\n  lb1:\n    configs: [lb1/*.conf]\n' });
    const client = await start(folder);
    const uri = client.open(join(folder, 'other.conf'), 'global_defs {\n    router_id lb9\n}\n');
    await client.diagnostics(uri);
    expect(await client.request('keepalived/fileInfo', { uri })).toEqual({ dialect: 'keepalived', keepalivedVersion: '2.2.7', workspaceFile: join(folder, 'keepalived-lint.yaml'), trusted: true });
  });
});

describe('rule links', () => {
  it('point at the rule page shipped beside the server', async () => {
    const client = await start(INCIDENT);
    const path = join(INCIDENT, 'lvs-a', 'keepalived.conf');
    const uri = client.open(path, readFileSync(path, 'utf8'));
    const hrefs = (await client.diagnostics(uri)).map((d) => d.codeDescription?.href ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href.startsWith(pathToFileURL(join(ROOT, 'docs', 'rules')).href)).toBe(true);
      expect(existsSync(fileURLToPath(href)), href).toBe(true);
    }
  });
});

describe('untrusted workspace', () => {
  it('still lints, but include_outside_root in the root keepalived-lint.yaml no longer widens the root', async () => {
    const secret = trees.secret();
    const files = { 'keepalived-lint.yaml': 'version: 1\ninclude_outside_root: true\n' };
    const config = `include ${secret}\n`;
    const trustedFolder = trees.make(files);
    const trusted = await start(trustedFolder, { trusted: true });
    const folder = trees.make(files);
    const untrusted = await start(folder, { trusted: false });
    const codes = async (client: LspClient, uri: string) => (await client.diagnostics(uri)).map((d) => d.code);

    const readThere = await codes(trusted, trusted.open(join(trustedFolder, 'keepalived.conf'), config));
    expect(readThere).not.toContain('include-outside-root');
    const uri = untrusted.open(join(folder, 'keepalived.conf'), config);
    expect(await codes(untrusted, uri)).toEqual(['include-outside-root']);
    expect(await untrusted.request('keepalived/fileInfo', { uri })).toMatchObject({ trusted: false });
  });
});
