// VS Code client: starts the bundled language server over IPC for keepalived documents and
// tells it when keepalived-lint.yaml or a config changes on disk.
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'keepalived', scheme: 'file' }, { language: 'keepalived', scheme: 'untitled' }],
    synchronize: {
      configurationSection: 'keepalived',
      fileEvents: workspace.createFileSystemWatcher('**/{keepalived-lint.yaml,*.conf}'),
    },
  };
  client = new LanguageClient('keepalived', 'keepalived-lint', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
