// The status bar item shown beside a keepalived document: the dialect and keepalived version it
// is checked against, the host of keepalived-lint.yaml it was matched to, and that workspace
// file (click to open it). The server answers keepalived/fileInfo (server/src/lsp/file-info.ts).
import { StatusBarAlignment, window, workspace, type StatusBarItem } from 'vscode';
// A type only: the client bundle must not pull in the server's code.
import type { FileInfo } from '../../server/src/lsp/file-info.js';

export type { FileInfo };

export const FILE_INFO_METHOD = 'keepalived/fileInfo';


const DIALECT_LABEL: Record<string, string> = { keepalived: 'keepalived', dpvs: 'DPVS keepalived' };

/** Text, screen-reader label and tooltip of the item for one file. */
export function describe(info: FileInfo, relativePath: (path: string) => string): { text: string; label: string; tooltip: string } {
  const dialect = `${DIALECT_LABEL[info.dialect] ?? info.dialect} ${info.keepalivedVersion}`;
  const host = info.host ?? (info.workspaceFile ? 'no host' : undefined);
  const file = info.workspaceFile ? relativePath(info.workspaceFile) : 'no keepalived-lint.yaml';
  const parts = [dialect, host, file].filter((p): p is string => p !== undefined);
  const restricted = info.trusted ? '' : ' (restricted)';
  return {
    text: `${info.trusted ? '$(check)' : '$(shield)'} ${parts.join(' · ')}`,
    label: `keepalived-lint: ${parts.join(', ')}${restricted}`,
    tooltip: [
      `Checked as ${dialect}${restricted}.`,
      info.host ? `Runs on host ${info.host} of ${info.workspaceFile}.` : info.workspaceFile ? `No host in ${info.workspaceFile} lists this file in its configs.` : 'No keepalived-lint.yaml applies: host checks are off.',
      info.trusted ? '' : 'Untrusted workspace: nothing outside the workspace folder is read.',
      info.workspaceFile ? 'Click to open the workspace file.' : 'Click to show the server output.',
    ].filter(Boolean).join('\n'),
  };
}

export class StatusItem {
  private readonly item: StatusBarItem;

  constructor(private readonly fileInfo: (uri: string) => Promise<FileInfo | undefined>) {
    this.item = window.createStatusBarItem('keepalived.status', StatusBarAlignment.Right, 100);
    this.item.name = 'keepalived-lint';
  }

  async refresh(): Promise<void> {
    const document = window.activeTextEditor?.document;
    if (document?.languageId !== 'keepalived') return this.item.hide();
    const info = await this.fileInfo(document.uri.toString());
    // The user may have switched editors while the server answered.
    if (window.activeTextEditor?.document !== document) return;
    if (!info) return this.item.hide();
    const { text, label, tooltip } = describe(info, (path) => workspace.asRelativePath(path));
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label };
    this.item.command = info.workspaceFile ? 'keepalived.openWorkspaceFile' : 'keepalived.showOutput';
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
