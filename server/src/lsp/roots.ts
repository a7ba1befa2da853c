// The language server's trust boundary. A document's root is the workspace folder that holds it
// (widened, as in the CLI, to the directory of the keepalived-lint.yaml found walking up from
// the folder); outside every folder, and for an untitled document, nothing beyond the document itself is read. The user's
// keepalived.includeOutsideRoot setting lifts the limit, and so does include_outside_root in
// the root workspace file (see FactsProvider), except in a workspace the editor does not trust.
import { isAbsolute, resolve } from 'node:path';
import { isBelow, type RootGuard } from '../node/root-guard.js';
import { rootFrom, WORKSPACE_FILE, type LintRoot } from '../node/workspace-facts.js';

export const SETTING_HINT = 'allow it with the keepalived.includeOutsideRoot setting';

export interface DocumentRoot {
  /** The root, for a document inside a workspace folder. */
  root?: LintRoot;
  /** What reads are limited to; undefined when the user allows reading everywhere. */
  guard?: RootGuard;
}

export class DocumentRoots {
  private folders: string[] = [];
  private readonly roots = new Map<string, LintRoot>();
  /** The user's keepalived.includeOutsideRoot setting. */
  allowOutside = false;
  /** False in a workspace VS Code does not trust: no setting or workspace file widens the root. */
  trusted = true;

  /** The workspace folders, resolved. */
  get folderPaths(): readonly string[] {
    return this.folders;
  }

  setFolders(folders: readonly string[]): void {
    this.folders = folders.map((f) => resolve(f));
    this.roots.clear();
  }

  /** Forget the roots found (a workspace file appeared or went away). */
  invalidate(): void {
    this.roots.clear();
  }

  /** The innermost workspace folder that holds `path`. */
  folderOf(path: string): string | undefined {
    return isAbsolute(path) ? this.folders.filter((f) => isBelow(f, path)).sort((a, b) => b.length - a.length)[0] : undefined;
  }

  of(path: string): DocumentRoot {
    // An untitled buffer is in no directory: includeOutsideRoot must not make it read the server's working directory.
    if (!isAbsolute(path)) return { guard: { dir: path, label: 'the workspace folders (this document is not saved)', allow: 'save it in a workspace folder' } };
    const folder = this.folderOf(path);
    if (!folder) {
      return this.allowOutside ? {} : { guard: { dir: path, label: 'the workspace folders (this document is outside them all)', allow: SETTING_HINT } };
    }
    let root = this.roots.get(folder);
    if (!root) this.roots.set(folder, (root = rootFrom(folder)));
    return this.allowOutside ? { root } : { root, guard: { dir: root.dir, allow: `${SETTING_HINT} or include_outside_root: true in the root ${WORKSPACE_FILE}` } };
  }
}
