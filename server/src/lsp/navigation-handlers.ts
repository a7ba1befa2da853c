// Definition, references, prepareRename and rename over the protocol, from the symbol
// occurrences navigation.ts finds in a document's analysis.
import { LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import type { LintSettings } from '../analysis/index.js';
import { renameProblem } from '../analysis/service/rename.js';
import type { Analysis } from './analyzer.js';
import { lineIndexOf, pathToUri, rangeOf, type TextLookup } from './convert.js';
import { symbolAt } from './navigation.js';

export interface NavigationDeps {
  analysisOf(uri: string): Promise<Analysis | undefined>;
  lintSettings(uri: string): Promise<Partial<LintSettings>>;
  texts: TextLookup;
}

export function registerNavigation(connection: Connection, { analysisOf, lintSettings, texts }: NavigationDeps): void {
  const occurrences = async (uri: string, position: { line: number; character: number }) => {
    const analysis = await analysisOf(uri);
    if (!analysis) return undefined;
    const offset = lineIndexOf(analysis.path, analysis.text).offsetAt(position);
    const found = symbolAt(analysis, offset, await lintSettings(uri));
    return found && { analysis, found };
  };
  const toLocation = (analysis: Analysis, span: { file: number; start: number; end: number }) => {
    const path = analysis.result.parse.files[span.file].path;
    return { uri: pathToUri(path), range: rangeOf({ path, start: span.start, end: span.end }, texts) };
  };

  connection.onDefinition(async (params) => {
    const hit = await occurrences(params.textDocument.uri, params.position);
    return hit ? hit.found.definitions.map((s) => toLocation(hit.analysis, s)) : null;
  });
  connection.onReferences(async (params) => {
    const hit = await occurrences(params.textDocument.uri, params.position);
    if (!hit) return null;
    return [...(params.context.includeDeclaration ? hit.found.definitions : []), ...hit.found.references].map((s) => toLocation(hit.analysis, s));
  });
  connection.onPrepareRename(async (params) => {
    const hit = await occurrences(params.textDocument.uri, params.position);
    if (!hit?.found.renamable) return null;
    // The word under the cursor, whether it is the definition or a reference.
    const offset = lineIndexOf(hit.analysis.path, hit.analysis.text).offsetAt(params.position);
    const own = [...hit.found.definitions, ...hit.found.references].find((s) => s.file === 0 && s.start <= offset && offset <= s.end);
    return own ? { range: toLocation(hit.analysis, own).range, placeholder: hit.found.name } : null;
  });
  connection.onRenameRequest(async (params) => {
    const hit = await occurrences(params.textDocument.uri, params.position);
    if (!hit?.found.renamable) return null;
    const problem = renameProblem(hit.found.kind, params.newName, hit.found.taken);
    if (problem) throw new ResponseError(LSPErrorCodes.RequestFailed, `cannot rename ${hit.found.kind} ${hit.found.name}: ${problem}`);
    const changes: Record<string, Array<{ range: ReturnType<typeof rangeOf>; newText: string }>> = {};
    for (const span of [...hit.found.definitions, ...hit.found.references]) {
      const location = toLocation(hit.analysis, span);
      (changes[location.uri] ??= []).push({ range: location.range, newText: params.newName });
    }
    return { changes };
  });
}
