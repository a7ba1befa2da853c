// The language server under abuse: malformed frames, unknown methods, documents that were never
// opened, positions out of range, a 50 MB document, a storm of edits. After each, the process
// must still be running and must still answer a normal request correctly.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { allRules, lint, type Rule } from '../../server/src/analysis/index.js';
import { resyncingInput } from '../../server/src/lsp/framing.js';
import { LspClient } from './harness.js';
import { RawServer } from './raw-server.js';

const ROOT = join(__dirname, '..', '..');
const SMALL = ['global_defs {', '    router_id LVS_A', '}', ''].join('\n');
const SMALL_PATH = join(ROOT, 'abuse', 'small.conf');
const SMALL_URI = pathToFileURL(SMALL_PATH).href;
const HOVER_SMALL = { textDocument: { uri: SMALL_URI }, position: { line: 1, character: 6 } };

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
const rssMb = (pid: number) => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;

/** The process is running and answers a hover on the small document correctly. */
async function expectAlive(server: RawServer): Promise<void> {
  expect(running(server.process)).toBe(true);
  const answer = await server.request('textDocument/hover', HOVER_SMALL);
  expect((answer.result as { contents: { value: string } }).contents.value).toContain('router_id');
  expect(running(server.process)).toBe(true);
}

describe('language server: malformed JSON-RPC on stdin', () => {
  // A server of its own for each case, so that one case cannot hide another.
  let server: RawServer;
  beforeEach(async () => {
    server = new RawServer();
    await server.initialize();
    server.open(SMALL_URI, SMALL);
    await expectAlive(server);
  });
  afterEach(async () => {
    try {
      await expectAlive(server);
    } finally {
      server.stop();
    }
  });

  it('survives a frame whose body is not JSON', async () => {
    const body = '{"jsonrpc":"2.0","id":99,"method":';
    server.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    server.write(Buffer.concat([Buffer.from('Content-Length: 5\r\n\r\n'), Buffer.from([0xff, 0xfe, 0x7b, 0x5b, 0x7d])]));
  });

  it('survives a Content-Length longer than the body (the next frame completes it)', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 98, method: 'textDocument/hover', params: HOVER_SMALL });
    server.write(`Content-Length: ${body.length + 10}\r\n\r\n${body}`);
  });

  it('survives a Content-Length far longer than anything that follows', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 97, method: 'textDocument/hover', params: HOVER_SMALL });
    server.write(`Content-Length: ${body.length + 1_000_000}\r\n\r\n${body}`);
  });

  it('survives a Content-Length shorter than the body', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 96, method: 'textDocument/hover', params: HOVER_SMALL });
    server.write(`Content-Length: ${body.length - 12}\r\n\r\n${body}`);
  });

  it('survives header blocks without a usable Content-Length', async () => {
    server.write('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}');
    server.write('Content-Length: lots\r\n\r\n{}');
  });

  it('survives garbage bytes between frames, with and without line breaks', async () => {
    server.write(Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a, 0x0d]));
    server.write('garbage without a line break');
    await server.request('textDocument/hover', HOVER_SMALL); // the garbage is glued to this frame's header
    server.write('\r\n\r\nmore garbage\r\n\r\n');
  });

  it('survives a header split across writes', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: SMALL_URI, version: 2 }, contentChanges: [{ text: SMALL }] } });
    const frame = Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    for (let i = 0; i < frame.length; i += 7) {
      server.write(frame.subarray(i, i + 7));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await server.until(() => server.publishes.some((p) => p.uri === SMALL_URI && p.version === 2), 'diagnostics of version 2');
  });

  it('survives valid JSON that is not a message, and a didOpen without or with a non-string text', async () => {
    server.write('Content-Length: 2\r\n\r\n42');
    server.send([]);
    server.notify('textDocument/didOpen', { textDocument: { uri: 'file:///abuse/no-text.conf' } });
    server.open('file:///abuse/number-text.conf', 42); // lint throws on it: must not be an unhandled rejection
    server.notify('textDocument/didOpen', {});
    // The failed lint is logged, and a request about that document gets an answer (an error).
    await server.until(() => server.received.some((m) => m.method === 'window/logMessage' && JSON.stringify(m.params).includes('number-text.conf failed')), 'the failed lint logged');
    const answer = await server.request('textDocument/hover', { textDocument: { uri: 'file:///abuse/number-text.conf' }, position: { line: 0, character: 0 } });
    expect('error' in answer || 'result' in answer).toBe(true);
  });
});

describe('the stdin re-framer', () => {
  const through = async (chunks: Buffer[]): Promise<Buffer> => {
    const input = new PassThrough();
    const output = resyncingInput(input);
    const parts: Buffer[] = [];
    output.on('data', (d: Buffer) => parts.push(d));
    const ended = new Promise((resolve) => output.on('end', resolve));
    for (const chunk of chunks) input.write(chunk);
    input.end();
    await ended;
    return Buffer.concat(parts);
  };
  const frame = (body: string, extra = '') => Buffer.concat([Buffer.from(`${extra}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`), Buffer.from(body)]);

  it('passes valid frames through unchanged, however they are split', async () => {
    const stream = Buffer.concat([
      frame(JSON.stringify({ jsonrpc: '2.0', method: 'a', params: { text: 'Content-Length: 12\r\n\r\n{}' } })),
      frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'b', params: { text: 'é ✓ 𝄞' } }), 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n'),
      Buffer.from('content-length:14\r\n\r\n{"id":3,"x":1}'),
    ]);
    for (const size of [1, 3, 64, stream.length]) {
      const chunks = Array.from({ length: Math.ceil(stream.length / size) }, (_, i) => stream.subarray(i * size, (i + 1) * size));
      expect((await through(chunks)).equals(stream), `chunks of ${size}`).toBe(true);
    }
  });

  it('passes an 8 MB frame through unchanged', async () => {
    const stream = frame(JSON.stringify({ jsonrpc: '2.0', method: 'big', params: { text: 'x\n'.repeat(4 * 1024 * 1024) } }));
    const chunks = Array.from({ length: Math.ceil(stream.length / 65536) }, (_, i) => stream.subarray(i * 65536, (i + 1) * 65536));
    expect((await through(chunks)).equals(stream)).toBe(true);
  });

  it('drops what cannot be a frame and keeps the frames around it', async () => {
    const good = frame('{"jsonrpc":"2.0","method":"ok"}');
    const body = '{"jsonrpc":"2.0","method":"lost"}';
    const out = await through([
      Buffer.from('junk'), good, Buffer.from(`Content-Length: ${body.length + 40}\r\n\r\n${body}`), good,
      Buffer.from('\r\n\r\nX: y\r\n\r\n'), good,
    ]);
    expect(out.toString()).toBe(good.toString().repeat(3));
  });
});

describe('language server: requests it cannot or need not answer', () => {
  let client: LspClient;
  let child: ChildProcess;
  const OPEN = join(ROOT, 'abuse', 'open.conf');
  const OPEN_TEXT = [
    'global_defs {', '    router_id LVS_A', '}',
    'vrrp_instance VI_1 {', '    state BACKUP', '    interface lo', '    virtual_router_id 51', '    priority 100',
    '    virtual_ipaddress {', '        10.0.0.100/24', '    }', '}', '',
  ].join('\n');

  const requests = (uri: string, position: { line: number; character: number }): Array<[string, object]> => {
    const range = { start: position, end: position };
    const options = { tabSize: 4, insertSpaces: true };
    return [
      ['textDocument/hover', { textDocument: { uri }, position }],
      ['textDocument/completion', { textDocument: { uri }, position }],
      ['textDocument/definition', { textDocument: { uri }, position }],
      ['textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }],
      ['textDocument/prepareRename', { textDocument: { uri }, position }],
      ['textDocument/rename', { textDocument: { uri }, position, newName: 'VI_2' }],
      ['textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }],
      ['textDocument/documentSymbol', { textDocument: { uri } }],
      ['textDocument/foldingRange', { textDocument: { uri } }],
      ['textDocument/documentLink', { textDocument: { uri } }],
      ['textDocument/selectionRange', { textDocument: { uri }, positions: [position] }],
      ['textDocument/semanticTokens/full', { textDocument: { uri } }],
      ['textDocument/inlayHint', { textDocument: { uri }, range }],
      ['textDocument/formatting', { textDocument: { uri }, options }],
      ['textDocument/rangeFormatting', { textDocument: { uri }, range, options }],
    ];
  };

  beforeAll(async () => {
    client = new LspClient();
    child = client['process'];
    await client.initialize(join(ROOT, 'abuse'));
    client.open(SMALL_PATH, SMALL);
    client.open(OPEN, OPEN_TEXT);
  });
  afterAll(() => client.stop());
  afterEach(async () => {
    expect(running(child)).toBe(true);
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', HOVER_SMALL);
    expect(hover.contents.value).toContain('router_id');
  });

  it('answers unknown requests with MethodNotFound and ignores unknown notifications', async () => {
    await expect(client.request('keepalived/noSuchMethod', {})).rejects.toMatchObject({ code: -32601 });
    await expect(client.request('textDocument/noSuchFeature', { textDocument: { uri: SMALL_URI } })).rejects.toMatchObject({ code: -32601 });
    await client.connection.sendNotification('keepalived/noSuchNotification', { x: 1 });
    await client.connection.sendNotification('$/noSuchNotification', {});
  });

  it('answers null or empty about documents that were never opened', async () => {
    const uri = pathToFileURL(join(ROOT, 'abuse', 'never-opened.conf')).href;
    for (const [method, params] of requests(uri, { line: 0, character: 0 })) {
      const answer = await client.request<unknown>(method, params);
      if (method === 'textDocument/semanticTokens/full') expect(answer, method).toEqual({ data: [] });
      else expect([null, []], method).toContainEqual(answer);
    }
    expect(await client.request('workspace/symbol', { query: 'never' })).toEqual([]);
  });

  it('answers every request with positions out of range on an open document', async () => {
    const uri = pathToFileURL(OPEN).href;
    await client.diagnostics(uri);
    const positions = [
      { line: 1_000_000, character: 0 }, { line: 0, character: -1 }, { line: 3, character: 1_000_000 },
      { line: 1_000_000, character: 1_000_000 }, { line: -1, character: -1 }, { line: 5, character: -1 },
    ];
    for (const position of positions) {
      for (const [method, params] of requests(uri, position)) {
        await expect(client.request(method, params), `${method} at ${JSON.stringify(position)}`).resolves.not.toBeUndefined();
      }
    }
    const symbols = await client.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['global_defs', 'vrrp_instance VI_1']);
  });
});

describe('language server: size and rate', () => {
  let server: RawServer | undefined;
  afterEach(() => server?.stop());

  it('stays responsive after a 50 MB document is opened', async () => {
    server = new RawServer();
    await server.initialize();
    server.open(SMALL_URI, SMALL);
    await expectAlive(server);
    // 50 MB of virtual servers (~2.4 M lines), built as repeated blocks rather than line by line.
    const block = (i: number) => `virtual_server 10.${(i >> 8) & 255}.${i & 255}.1 80 {\n    delay_loop 6\n    lvs_sched wrr\n    protocol TCP\n`
      + '    real_server 192.168.0.11 80 {\n        weight 1\n        TCP_CHECK {\n            connect_timeout 3\n        }\n    }\n}\n';
    const unit = Array.from({ length: 256 }, (_, i) => block(i)).join('');
    const big = unit.repeat(Math.ceil((50 * 1024 * 1024) / unit.length));
    expect(big.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const bigUri = pathToFileURL(join(ROOT, 'abuse', 'big.conf')).href;
    const start = Date.now();
    server.open(bigUri, big);
    const answer = await server.request('textDocument/hover', HOVER_SMALL, 60_000);
    const seconds = (Date.now() - start) / 1000;
    expect((answer.result as { contents: { value: string } }).contents.value).toContain('router_id');
    await server.until(() => server!.publishes.some((p) => p.uri === bigUri), 'a diagnostic of the big document');
    const said = server.publishes.find((p) => p.uri === bigUri)!;
    expect(said.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('Not linted')]);
    console.log(`50 MB document: hover on another document answered ${seconds.toFixed(2)} s after the open; server RSS ${rssMb(server.process.pid!).toFixed(0)} MB`);
    expect(seconds).toBeLessThan(30);
    // Requests about the big document itself answer too (with nothing: it is not analysed).
    const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri: bigUri } });
    expect(symbols.result).toEqual([]);
    await expectAlive(server);
  });

  it('publishes the final version after 10,000 rapid edits, never a stale one after it, with bounded memory', async () => {
    server = new RawServer();
    await server.initialize();
    server.open(SMALL_URI, SMALL);
    const base = [
      'vrrp_instance VI_1 {', '    state BACKUP', '    interface lo', '    virtual_router_id 51', '    priority 100',
      '    virtual_ipaddress {', '        10.0.0.100/24', '    }', '}', '',
    ].join('\n').repeat(8);
    const uri = pathToFileURL(join(ROOT, 'abuse', 'storm.conf')).href;
    server.open(uri, base);
    await server.until(() => server!.publishes.some((p) => p.uri === uri && p.version === 1), 'diagnostics of version 1');
    const EDITS = 10_000;
    const final = EDITS + 1;
    for (let version = 2; version <= final; version++) {
      const text = version === final ? `${base}bogus_final_keyword 1\n` : `${base}# edit ${version}\n`;
      server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }
    const start = Date.now();
    await server.until(() => server!.publishes.some((p) => p.uri === uri && p.version === final), 'diagnostics of the final version', 60_000);
    const seconds = (Date.now() - start) / 1000;
    const rss = rssMb(server.process.pid!);
    // Longer than the debounce: a stale lint still in flight would publish by now.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const versions = server.publishes.filter((p) => p.uri === uri).map((p) => p.version!);
    const first = versions.indexOf(final);
    expect(versions.slice(first)).toEqual(versions.slice(first).map(() => final));
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    const last = server.publishes.filter((p) => p.uri === uri).at(-1)!;
    expect(last.diagnostics.map((d) => [d.code, d.range.start.line])).toContainEqual(['unknown-keyword', base.split('\n').length - 1]);
    console.log(`10,000 edits: final diagnostics ${seconds.toFixed(2)} s after the last was sent; ${versions.length} publishes (versions ${versions.join(', ')}); server RSS ${rss.toFixed(0)} MB`);
    expect(rss).toBeLessThan(1536);
    await expectAlive(server);
  });
});

describe('a rule that throws', () => {
  it('becomes an internal-error diagnostic, and the other rules still report', () => {
    const broken: Rule = {
      meta: { id: 'broken-rule', defaultSeverity: 'warning', category: 'syntax', description: 'throws', fixable: false },
      check: () => {
        throw new Error('boom');
      },
    };
    const unknownKeyword = allRules.find((r) => r.meta.id === 'unknown-keyword')!;
    const result = lint({ path: '/abuse/throws.conf', text: 'global_defs {\n    router_id A\n    no_such_keyword 1\n}\n', rules: [broken, unknownKeyword] });
    expect(result.diagnostics.map((d) => d.rule).sort()).toEqual(['internal-error', 'unknown-keyword']);
    const crash = result.diagnostics.find((d) => d.rule === 'internal-error')!;
    expect([crash.severity, crash.message, crash.start]).toEqual(['error', "rule 'broken-rule' failed: boom", 0]);
    expect(result.diagnostics.find((d) => d.rule === 'unknown-keyword')!.message).toContain('no_such_keyword');
  });
});
