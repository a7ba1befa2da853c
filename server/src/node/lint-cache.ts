// Lint results of configs reused while nothing they were linted from changed: the same
// settings, the same workspace file, and the same text of every file they read (the config
// and its includes, open buffers first). The language server lints a document together with
// its includers and peers on every edit; without this it would lint them all each time.
// Bounded: cleared when it outgrows any plausible workspace.
import type { IncludeHost } from '../../../grammar/includes.js';
import type { WorkspaceFile } from '../analysis/host/from-workspace.js';
import type { LintTarget, TargetResult } from './lint-target.js';

const MAX_ENTRIES = 256;

interface Entry {
  settings: string;
  workspace?: WorkspaceFile;
  result: TargetResult;
}

export class LintCache {
  private readonly entries = new Map<string, Entry>();

  /** The cached result of `target` if every file it read still reads the same through `files`. */
  get(target: LintTarget, workspace: WorkspaceFile | undefined, files: IncludeHost): TargetResult | undefined {
    const entry = this.entries.get(target.path);
    if (!entry || entry.workspace !== workspace || entry.settings !== JSON.stringify(target.config.settings)) return undefined;
    for (const [path, text] of entry.result.texts) {
      const read = files.read(path);
      if ('problem' in read || read.text !== text) return undefined;
    }
    return entry.result;
  }

  set(target: LintTarget, workspace: WorkspaceFile | undefined, result: TargetResult): void {
    if (result.crashed) return;
    if (this.entries.size >= MAX_ENTRIES && !this.entries.has(target.path)) this.entries.clear();
    this.entries.set(target.path, { settings: JSON.stringify(target.config.settings), workspace, result });
  }

  /** Forget everything (files appeared or went away: a glob include may match others now). */
  clear(): void {
    this.entries.clear();
  }
}
