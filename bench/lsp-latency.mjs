// `node bench/lsp-latency.mjs`: edit-to-diagnostics latency of the language server. Starts the
// bundled server over stdio, opens a generated 2,000-virtual-server config (~86k lines) and a
// ~300-line config, then makes one-character edits (incremental didChange, one at a time) and
// times each from sending the edit to receiving publishDiagnostics for that version.
// The server waits before linting an edit as long as the document's last lint took, at most
// 150 ms (server/src/lsp/analyzer.ts): the figures are what a user waits, that wait included.
// Build the bundle first (`node esbuild.mjs`); EDITS=n sets the number of measured edits;
// SERVER_NODE_ARGS passes node flags to the server (e.g. "--cpu-prof --cpu-prof-dir=DIR").
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generateConfig } from './generate.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const SERVER = join(ROOT, 'server', 'out', 'server.js');
const MAX_DEBOUNCE_MS = 150; // server/src/lsp/server.ts
const EDITS = Number(process.env.EDITS ?? 20);
const WARMUP = 2;
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = createRequire(import.meta.url)('vscode-jsonrpc/node');

if (!existsSync(SERVER)) execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { stdio: 'inherit' });

const VRRP = ['vrrp_instance VI_1 {', '    state BACKUP', '    interface lo', '    virtual_router_id 51', '    priority 100', '    advert_int 1',
  '    virtual_ipaddress {', '        10.0.0.100/24', '    }', '}', ''];
/** global_defs, 3 vrrp_instances and 6 virtual servers: ~300 lines. */
const small = () => {
  const lines = generateConfig(6).split('\n');
  const instances = [1, 2, 3].flatMap((n) => VRRP.map((l) => l.replace('VI_1', `VI_${n}`).replace(' 51', ` ${50 + n}`).replace('.100/', `.${99 + n}/`)));
  lines.splice(4, 0, ...instances);
  return lines.join('\n');
};

const child = spawn(process.execPath, [...(process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map(); // `${uri} ${version}` -> resolve
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  const key = `${params.uri} ${params.version}`;
  waiting.get(key)?.(performance.now());
  waiting.delete(key);
});
connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
connection.listen();

const published = (uri, version) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} version ${version} within 120 s`)), 120_000);
  waiting.set(`${uri} ${version}`, (at) => {
    clearTimeout(timer);
    resolve(at);
  });
});

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

async function measure(name, text) {
  const uri = pathToFileURL(join(tmpdir(), 'keepalived-lint-latency', `${name.replace(/\W+/g, '-')}.conf`)).href;
  const lines = text.split('\n');
  // Edit the digit of `weight 1` lines (or the priority) spread through the file, toggling 1 <-> 2.
  const targets = lines.flatMap((l, i) => (/^\s+(weight|priority) \d+$/.test(l) ? [i] : []));
  let version = 1;
  const opened = published(uri, version);
  const openStart = performance.now();
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'keepalived', version, text } });
  const openMs = (await opened) - openStart;
  const raw = [];
  for (let i = 0; i < WARMUP + EDITS; i++) {
    const line = targets[Math.floor((i * targets.length) / (WARMUP + EDITS))];
    const character = lines[line].length - 1;
    const digit = lines[line][character] === '1' ? '2' : '1';
    lines[line] = lines[line].slice(0, character) + digit;
    version++;
    const done = published(uri, version);
    const start = performance.now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: digit }],
    });
    const ms = (await done) - start;
    if (i >= WARMUP) raw.push(ms);
  }
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return { name, lines: lines.length - 1, openMs, raw };
}

await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
await connection.sendNotification('initialized', {});
const results = [];
for (const [name, text] of [['2,000 virtual servers', generateConfig(2000)], ['300-line config', small()]]) results.push(await measure(name, text));
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();

const f = (ms) => ms.toFixed(0);
console.log(`node ${process.version}; ${EDITS} one-character edits per file (after ${WARMUP} unmeasured warm-up edits), each awaited before the next`);
console.log(`edit -> diagnostics = from sending didChange to receiving publishDiagnostics of that version, including the server's wait`);
console.log(`(as long as the document's last lint took, at most ${MAX_DEBOUNCE_MS} ms)`);
console.log('| file | lines | open -> diagnostics (ms) | edit -> diagnostics median (ms) | p90 (ms) |');
console.log('|---|---:|---:|---:|---:|');
for (const r of results) console.log(`| ${r.name} | ${r.lines} | ${f(r.openMs)} | ${f(median(r.raw))} | ${f(quantile(r.raw, 0.9))} |`);
