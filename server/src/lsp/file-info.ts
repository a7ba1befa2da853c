// keepalived/fileInfo, a request of our own: what the VS Code status bar shows for a document.
// The dialect and keepalived version it is checked against, the keepalived-lint.yaml that
// applies to it and the host whose `configs:` globs match it. Other clients may ignore it.
import { RequestType } from 'vscode-languageserver';
import { defaultSettings, type LintSettings } from '../analysis/index.js';
import type { WorkspaceFacts } from '../node/workspace-facts.js';

export interface FileInfoParams {
  uri: string;
}

export interface FileInfo {
  dialect: string;
  keepalivedVersion: string;
  /** Path of the keepalived-lint.yaml that applies, if any. */
  workspaceFile?: string;
  /** The host of that workspace file that runs this config, if one matches. */
  host?: string;
  /** False when the editor runs the server for an untrusted workspace (nothing outside the root is read). */
  trusted: boolean;
}

export const FILE_INFO_METHOD = 'keepalived/fileInfo';
export const FileInfoRequest = new RequestType<FileInfoParams, FileInfo, void>(FILE_INFO_METHOD);

export function fileInfo(path: string, settings: Partial<LintSettings>, workspace: WorkspaceFacts | undefined, trusted: boolean): FileInfo {
  const { dialect, keepalivedVersion } = defaultSettings(settings);
  return { dialect, keepalivedVersion, workspaceFile: workspace?.workspace.path, host: workspace?.hostOf(path)?.name, trusted };
}
