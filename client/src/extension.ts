// VS Code client: starts the bundled language server over IPC for keepalived documents, tells it
// when keepalived-lint.yaml or a config changes on disk and whether the workspace is trusted,
// and adds the commands and the status bar item (see status.ts).
import { commands, languages, Range, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { FILE_INFO_METHOD, StatusItem, type FileInfo } from './status.js';

/** The code action kind the server offers for "fix all" (and fix on save). */
const FIX_ALL_KIND = 'source.fixAll.keepalived';

let client: LanguageClient | undefined;

const activeKeepalivedEditor = () => {
  const editor = window.activeTextEditor;
  return editor?.document.languageId === 'keepalived' ? editor : undefined;
};

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // keepalived-lint.yaml too: its diagnostics and the quick fix of swapped node parameters.
    documentSelector: [{ language: 'keepalived', scheme: 'file' }, { language: 'keepalived', scheme: 'untitled' }, { scheme: 'file', pattern: '**/keepalived-lint.yaml' }],
    // Read again on each (re)start: granting trust restarts the server with reads widened.
    initializationOptions: () => ({ trusted: workspace.isTrusted }),
    synchronize: {
      configurationSection: 'keepalived',
      fileEvents: workspace.createFileSystemWatcher('**/{keepalived-lint.yaml,*.conf}'),
    },
  };
  const lsp = new LanguageClient('keepalived', 'keepalived-lint', serverOptions, clientOptions);
  client = lsp;
  context.subscriptions.push(lsp);

  const fileInfo = async (uri: string): Promise<FileInfo | undefined> => (lsp.isRunning() ? lsp.sendRequest<FileInfo>(FILE_INFO_METHOD, { uri }).catch(() => undefined) : undefined);
  const status = new StatusItem(fileInfo);
  context.subscriptions.push(
    status,
    commands.registerCommand('keepalived.restartServer', async () => {
      await lsp.restart();
      await status.refresh();
    }),
    commands.registerCommand('keepalived.showOutput', () => lsp.outputChannel.show(true)),
    commands.registerCommand('keepalived.fixAll', fixAllInActiveEditor),
    commands.registerCommand('keepalived.openWorkspaceFile', async () => {
      const editor = activeKeepalivedEditor();
      const info = editor && (await fileInfo(editor.document.uri.toString()));
      if (info?.workspaceFile) await window.showTextDocument(await workspace.openTextDocument(info.workspaceFile));
      else void window.showInformationMessage(editor ? 'No keepalived-lint.yaml applies to this file.' : 'Open a keepalived config first.');
    }),
    window.onDidChangeActiveTextEditor(() => void status.refresh()),
    // A new lint (e.g. after keepalived-lint.yaml changed) may map the file to another host.
    languages.onDidChangeDiagnostics((event) => {
      const editor = activeKeepalivedEditor();
      if (editor && event.uris.some((u) => u.toString() === editor.document.uri.toString())) void status.refresh();
    }),
    workspace.onDidGrantWorkspaceTrust(async () => {
      await lsp.restart();
      await status.refresh();
    }),
  );
  await lsp.start();
  await status.refresh();
}

/** Applies the server's source.fixAll.keepalived action to the active keepalived document. */
async function fixAllInActiveEditor(): Promise<void> {
  const editor = activeKeepalivedEditor();
  if (!editor) return void window.showInformationMessage('Open a keepalived config first.');
  const document = editor.document;
  const whole = new Range(0, 0, document.lineCount, 0);
  const actions = (await commands.executeCommand<Array<{ kind?: { value: string }; edit?: import('vscode').WorkspaceEdit }>>('vscode.executeCodeActionProvider', document.uri, whole, FIX_ALL_KIND)) ?? [];
  const fixAll = actions.find((a) => a.kind?.value === FIX_ALL_KIND && a.edit);
  if (!fixAll?.edit) return void window.showInformationMessage('keepalived-lint: nothing to fix automatically in this file.');
  await workspace.applyEdit(fixAll.edit);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
