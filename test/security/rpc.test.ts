// JSON-RPC frames that used to kill the language server or its connection: a body nested
// 10,000 levels deep (vscode-jsonrpc stringifies a message it cannot handle and overflows the
// stack), and a header block with two Content-Length headers (the reader took one, the framer
// the other, and every later frame was misread). Each costs its own frame only now.
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../server/src/lsp/framing.js';
import { checkRpcStream } from '../fuzz/rpc-frames.js';
import { RawServer } from '../lsp/raw-server.js';

const URI = pathToFileURL('/abuse/rpc.conf').href;
const HOVER = { textDocument: { uri: URI }, position: { line: 1, character: 6 } };
const DEEP = 10_000;

describe('language server: hostile JSON-RPC frames', () => {
  let server: RawServer;
  beforeEach(async () => {
    server = new RawServer();
    await server.initialize();
    server.open(URI, 'global_defs {\n    router_id LVS_A\n}\n');
  });
  afterEach(async () => {
    try {
      // Still running, and the next ordinary request is answered correctly.
      const answer = await server.request('textDocument/hover', HOVER);
      expect((answer.result as { contents: { value: string } }).contents.value).toContain('router_id');
      expect(server.process.exitCode).toBe(null);
    } finally {
      server.stop();
    }
  });

  it(`drops a body of ${DEEP} nested arrays`, async () => {
    server.write(`Content-Length: ${2 * DEEP}\r\n\r\n${'['.repeat(DEEP)}${']'.repeat(DEEP)}`);
    server.write(`Content-Length: ${DEEP}\r\n\r\n${'['.repeat(DEEP)}`);
  });

  it('answers a request whose params nest too deeply with an error naming the cause', async () => {
    const params = `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`;
    const body = `{"jsonrpc":"2.0","id":"deep","method":"textDocument/hover","params":${params}}`;
    server.write(`Content-Length: ${body.length}\r\n\r\n${body}`);
    await server.until(() => server.received.some((m) => m.id === 'deep'), 'the answer to the deep request');
    const answer = server.received.find((m) => m.id === 'deep')!;
    expect(answer.error?.message).toContain(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  });

  it('passes a body with thousands of brackets inside strings', async () => {
    const text = `global_defs {\n    router_id LVS_A\n}\n# ${'[{'.repeat(5000)} "\\" [\n`;
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text }] } });
    server.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await server.until(() => server.publishes.some((p) => p.uri === URI && p.version === 2), 'diagnostics of version 2');
  });

  for (const [name, extra] of [['equal', 0], ['different', 5]] as const) {
    it(`drops a frame with two ${name} Content-Length headers, and only that frame`, async () => {
      const body = JSON.stringify({ jsonrpc: '2.0', id: `twice-${name}`, method: 'textDocument/hover', params: HOVER });
      server.write(`Content-Length: ${body.length}\r\nContent-Length: ${body.length + extra}\r\n\r\n${body}`);
      const after = await server.request('textDocument/hover', HOVER);
      expect(after.result).toBeDefined();
      expect(server.received.some((m) => m.id === `twice-${name}`)).toBe(false);
    });
  }
});

describe('the re-framer under random hostile streams (the fuzzer\'s RPC class)', () => {
  it('passes every valid frame and nothing too deep or with a header twice', async () => {
    for (let index = 0; index < 60; index++) {
      const outcome = await checkRpcStream(20_251_206, index);
      expect(outcome.failures, `RPC stream ${index} of seed 20251206`).toEqual([]);
    }
  });
});
