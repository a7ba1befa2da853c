// A minimal LSP client over stdio for protocol tests: starts the bundled server as a process.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = join(__dirname, '..', '..', 'server', 'out', 'server.js');

export class LspClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  /** Every publication, in order of arrival. */
  readonly publications: PublishDiagnosticsParams[] = [];
  private readonly waiters: Array<() => void> = [];
  /** What the client answers to workspace/configuration, by section ({} for others). */
  readonly configuration: Record<string, unknown> = {};
  /** Methods the server registered dynamically (client/registerCapability). */
  readonly registrations: string[] = [];

  constructor(args: string[] = ['--stdio'], cwd?: string) {
    this.process = spawn(process.execPath, [SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'], cwd });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params);
      this.publications.push(params);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => params.items.map((item) => this.configuration[item.section ?? ''] ?? {}));
    this.connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string }> }) => {
      for (const registration of params.registrations) this.registrations.push(registration.method);
      return null;
    });
    this.connection.listen();
  }

  async initialize(rootPath: string, capabilities: object = {}, initializationOptions?: object): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid, rootUri: pathToFileURL(rootPath).href, capabilities, initializationOptions,
      workspaceFolders: [{ uri: pathToFileURL(rootPath).href, name: 'ws' }],
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  open(path: string, text: string, version = 1): string {
    const uri = pathToFileURL(path).href;
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'keepalived', version, text } });
    return uri;
  }

  change(uri: string, version: number, text: string): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Waits for diagnostics of `uri` (of at least `version`) to be published. */
  async diagnostics(uri: string, version = 1, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = this.published.get(uri);
      if (got && (got.version ?? version) >= version) return got.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** Drops what was published for `uri`, so that diagnostics() waits for the next publication. */
  forget(uri: string): void {
    this.published.delete(uri);
  }

  request<T>(method: string, params: object): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown').catch(() => undefined);
    await this.connection.sendNotification('exit').catch(() => undefined);
    this.connection.dispose();
    this.process.kill();
  }
}

/** The clients a test file starts, each initialised on a folder, all stopped by stopAll(). */
export class ClientPool {
  private readonly clients: LspClient[] = [];

  async start(folder: string, capabilities: object = { workspace: { configuration: true } }): Promise<LspClient> {
    const client = new LspClient();
    this.clients.push(client);
    await client.initialize(folder, capabilities);
    return client;
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((c) => c.stop()));
  }
}

type Position = { line: number; character: number };

/** The text after applying LSP text edits (non-overlapping) to `text`, as an editor would. */
export function applyEdits(text: string, edits: Array<{ range: { start: Position; end: Position }; newText: string }>): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((out, e) => out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end)), text);
}
