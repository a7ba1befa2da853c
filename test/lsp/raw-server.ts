// The language server as a process we can write raw bytes to (malformed frames, odd headers).
import { spawn, type ChildProcess } from 'node:child_process';
import { expect } from 'vitest';
import { StreamMessageReader } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVER } from './harness.js';

export interface Message { id?: number | string | null; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } }

/** The server as a process we can write raw bytes to; everything it says is recorded. */
export class RawServer {
  readonly process: ChildProcess;
  readonly received: Message[] = [];
  readonly publishes: PublishDiagnosticsParams[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly waiters: Array<() => void> = [];

  constructor() {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.resume(); // drain (logs of the malformed frames go there)
    this.process.stdin!.on('error', () => undefined); // a dead server must fail an assertion, not the run
    new StreamMessageReader(this.process.stdout!).listen((data) => {
      const message = data as Message;
      this.received.push(message);
      if (message.method === 'textDocument/publishDiagnostics') this.publishes.push(message.params as PublishDiagnosticsParams);
      if (message.method === 'workspace/configuration') this.send({ jsonrpc: '2.0', id: message.id, result: [{}] });
      if (typeof message.id === 'number' && !message.method) this.pending.get(message.id)?.(message);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  write(bytes: string | Buffer): void {
    this.process.stdin!.write(bytes);
  }

  send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  notify(method: string, params: object): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The whole response message (result or error). */
  request(method: string, params: object, timeoutMs = 15_000): Promise<Message> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${method} within ${timeoutMs} ms`)), timeoutMs);
      this.pending.set(id, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  async initialize(): Promise<void> {
    const answer = await this.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    expect(answer.result).toBeDefined();
    this.notify('initialized', {});
  }

  open(uri: string, text: unknown, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'keepalived', version, text } });
  }

  /** Waits until `done` holds for what was received. */
  async until(done: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  stop(): void {
    this.process.kill();
  }
}
