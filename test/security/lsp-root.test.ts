// The language server's root rule, over stdio: a document reads only inside its workspace
// folder; a document outside every folder reads nothing beyond itself until the user's
// keepalived.includeOutsideRoot setting allows it; a nested keepalived-lint.yaml cannot widen it.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LspClient } from '../lsp/harness.js';
import { Trees } from './fixtures.js';

const trees = new Trees();
const clients: LspClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  trees.removeAll();
});

async function start(folder: string): Promise<LspClient> {
  const client = new LspClient();
  clients.push(client);
  await client.initialize(folder, { workspace: { configuration: true } });
  return client;
}

/** [line, code] of the diagnostics published for a document. */
const codes = async (client: LspClient, uri: string) => (await client.diagnostics(uri)).map((d) => [d.range.start.line, d.code]);

describe('language server root rule', () => {
  it('refuses includes that leave the workspace folder, relative or absolute', async () => {
    const folder = trees.make();
    const secret = trees.secret();
    const client = await start(folder);
    const uri = client.open(join(folder, 'keepalived.conf'), `include ../../../../etc/host*\ninclude ${secret}\n`);
    // One diagnostic per file the glob matched: all refused.
    expect(new Set((await codes(client, uri)).map((c) => c.join(':')))).toEqual(new Set(['0:include-outside-root', '1:include-outside-root']));
  });

  it('reads nothing beside a document outside every folder, until the user allows it', async () => {
    const folder = trees.make();
    const elsewhere = trees.make({ 'sibling.conf': 'global_defs {\n    router_id lb1\n}\n' });
    const client = await start(folder);
    const uri = client.open(join(elsewhere, 'keepalived.conf'), 'include sibling.conf\n');
    expect(await codes(client, uri)).toEqual([[0, 'include-outside-root']]);
    client.configuration['keepalived.includeOutsideRoot'] = true;
    client.forget(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    expect(await codes(client, uri)).toEqual([]);
  });

  it('ignores include_outside_root in a nested keepalived-lint.yaml, and says so', async () => {
    const folder = trees.make({ 'keepalived-lint.yaml': 'version: 1\n', 'sub/keepalived-lint.yaml': 'version: 1\ninclude_outside_root: true\n' });
    const client = await start(folder);
    const uri = client.open(join(folder, 'sub', 'keepalived.conf'), `include ${trees.secret()}\n`);
    expect(await codes(client, uri)).toEqual([[0, 'include-outside-root']]);
    expect(await codes(client, pathToFileURL(join(folder, 'sub', 'keepalived-lint.yaml')).href)).toEqual([[1, 'invalid-workspace-file']]);
  });
});
