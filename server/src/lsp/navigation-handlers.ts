// Definition, references, document highlight, prepareRename, rename and workspace symbols over
// the protocol, from the symbol occurrences navigation.ts finds in the configs of the
// navigation scope (the file, its includers and the other configs of its host).
import { DocumentHighlightKind, LSPErrorCodes, ResponseError, type Connection, type TextEdit } from 'vscode-languageserver';
import { KeywordSchema } from '../../../grammar/keywords/index.js';
import type { LintSettings } from '../analysis/index.js';
import { renameProblem } from '../analysis/service/rename.js';
import type { WorkspaceFacts } from '../node/workspace-facts.js';
import type { Analysis } from './analyzer.js';
import { lineIndexOf, pathToUri, rangeOf, type TextLookup } from './convert.js';
import { symbolAt, type Occurrence } from './navigation.js';
import { NavigationScope } from './navigation-scope.js';
import { workspaceSymbols } from './structure.js';

export interface NavigationDeps {
  analysisOf(uri: string): Promise<Analysis | undefined>;
  lintSettings(uri: string): Promise<Partial<LintSettings>>;
  texts: TextLookup;
  scope: NavigationScope;
  /** Paths of the open documents. */
  openPaths(): string[];
  /** The workspace files whose configs workspace symbols cover (the roots' and the open documents'). */
  workspaces(): Array<WorkspaceFacts | undefined>;
}

type Position = { line: number; character: number };

export function registerNavigation(connection: Connection, deps: NavigationDeps): void {
  const { analysisOf, lintSettings, texts, scope } = deps;
  const schemaOf = (settings: Partial<LintSettings>) => KeywordSchema.for(settings.dialect ?? 'keepalived', settings.keepalivedVersion);

  /** The symbol at a position, searched in the navigation scope, or in the document's own parse only. */
  const occurrences = async (uri: string, position: Position, ownOnly = false) => {
    const analysis = await analysisOf(uri);
    if (!analysis) return undefined;
    const settings = await lintSettings(uri);
    const offset = lineIndexOf(analysis.path, analysis.text).offsetAt(position);
    const own = ownOnly ? scope.viewOf(analysis.path, settings) : undefined;
    const found = ownOnly ? own && symbolAt([own], analysis.path, offset, schemaOf(settings)) : scope.symbolAt(analysis.path, offset, settings);
    return found && { analysis, offset, found };
  };
  const toLocation = (o: Occurrence) => ({ uri: pathToUri(o.path), range: rangeOf(o, texts) });

  connection.onDefinition(async (params) => {
    const hit = await occurrences(params.textDocument.uri, params.position);
    return hit ? hit.found.definitions.map(toLocation) : null;
  });
  connection.onReferences(async (params) => {
    const hit = await occurrences(params.textDocument.uri, params.position);
    if (!hit) return null;
    return [...(params.context.includeDeclaration ? hit.found.definitions : []), ...hit.found.references].map(toLocation);
  });
  // Highlights are in the document only: its own parse is enough, and it is asked on every cursor move.
  connection.onDocumentHighlight(async (params) => {
    const hit = await occurrences(params.textDocument.uri, params.position, true);
    if (!hit) return null;
    const here = (list: Occurrence[], kind: DocumentHighlightKind) => list.filter((o) => o.path === hit.analysis.path).map((o) => ({ range: rangeOf(o, texts), kind }));
    return [...here(hit.found.definitions, DocumentHighlightKind.Write), ...here(hit.found.references, DocumentHighlightKind.Read)];
  });
  connection.onPrepareRename(async (params) => {
    const hit = await occurrences(params.textDocument.uri, params.position);
    if (!hit) return null;
    if (hit.found.notRenamable) throw new ResponseError(LSPErrorCodes.RequestFailed, `cannot rename ${hit.found.name}: ${hit.found.notRenamable}`);
    // The word under the cursor, whether it is the definition or a reference.
    const path = hit.analysis.path;
    const own = [...hit.found.definitions, ...hit.found.references].find((o) => o.path === path && o.start <= hit.offset && hit.offset <= o.end);
    return own ? { range: rangeOf(own, texts), placeholder: hit.found.name } : null;
  });
  connection.onRenameRequest(async (params) => {
    const hit = await occurrences(params.textDocument.uri, params.position);
    if (!hit) return null;
    const { found } = hit;
    const problem = found.notRenamable ?? renameProblem(found.kind, params.newName, found.taken);
    if (problem) throw new ResponseError(LSPErrorCodes.RequestFailed, `cannot rename ${found.kind} ${found.name}: ${problem}`);
    const changes: Record<string, TextEdit[]> = {};
    for (const o of [...found.definitions, ...found.references]) {
      const location = toLocation(o);
      (changes[location.uri] ??= []).push({ range: location.range, newText: params.newName });
    }
    return { changes };
  });

  connection.onWorkspaceSymbol(async (params) => {
    const views = [];
    for (const path of NavigationScope.configsOf(deps.openPaths(), deps.workspaces())) {
      const view = scope.viewOf(path, await lintSettings(pathToUri(path)));
      if (view) views.push(view);
    }
    return workspaceSymbols(views, params.query, texts);
  });
}
