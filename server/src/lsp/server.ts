// The language server: protocol wiring over the shared analysis library. Everything a
// handler answers comes from the same lint result the CLI would compute.
import {
  DiagnosticSeverity, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DocumentDiagnosticReportKind, TextDocuments, TextDocumentSyncKind,
  type Connection, type FormattingOptions, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { IncludeHost } from '../../../grammar/index.js';
import { KeywordSchema } from '../../../grammar/keywords/index.js';
import { completionCandidates } from '../analysis/service/completion.js';
import { formatText } from '../analysis/service/format.js';
import type { Diagnostic, LintSettings } from '../analysis/index.js';
import { DEFAULT_MAX_FILE_BYTES, NodeFileHost, readFileSnapshot } from '../node/file-host.js';
import { IncluderSearch } from '../node/includers.js';
import { LintCache } from '../node/lint-cache.js';
import type { LoadedWorkspace } from '../node/lint-target.js';
import { guardRoot } from '../node/root-guard.js';
import { WORKSPACE_FILE, type WorkspaceFacts } from '../node/workspace-facts.js';
import { Analyzer, type Analysis } from './analyzer.js';
import { codeActions, FIX_ALL_KIND, fixAllActions } from './code-actions.js';
import { completionItems } from './completion.js';
import { lineIndexOf, pathToUri, SOURCE, toLspDiagnostic, uriToPath, type TextLookup } from './convert.js';
import { FactsProvider } from './facts-provider.js';
import { fileInfo, FileInfoRequest } from './file-info.js';
import { hover } from './hover.js';
import { inlayHints } from './inlay-hints.js';
import { registerNavigation } from './navigation-handlers.js';
import { NavigationScope } from './navigation-scope.js';
import { LEGEND, semanticTokens } from './semantic-tokens.js';
import { DocumentRoots } from './roots.js';
import { readSettings, type ServerSettings } from './settings.js';
import { documentLinks, documentSymbols, foldingRanges, selectionRanges } from './structure.js';
import { documentInContext, workspaceFileInContext, type ContextSources } from './workspace-diagnostics.js';

/**
 * Open documents longer than this are not analysed, like files the CLI refuses to read: linting
 * ~50 MB blocks the server for half a minute at 3 GB, ~90 MB exhausts the heap and kills it.
 */
const MAX_DOCUMENT_CHARS = DEFAULT_MAX_FILE_BYTES;
const tooLargeMessage = (length: number) => `Not linted: the document has ${length} characters, more than keepalived-lint analyses (${MAX_DOCUMENT_CHARS}).`;

const readTextFile = (path: string): string | undefined => {
  const answer = readFileSnapshot(path, 8 * 1024 * 1024);
  return 'snapshot' in answer ? answer.snapshot.text : undefined;
};

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let pullDiagnostics = false;
  let configurationSupport = false;
  let configurationRegistration = false;
  let watchSupport = false;
  let workspaceFolderSupport = false;
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  const roots = new DocumentRoots();
  /** The keepalived.workspaceFile setting of each document path, absolute (relative ones are in the document's folder). */
  const workspaceFileSetting = new Map<string, string | undefined>();
  const bufferText = (path: string) => documents.get(pathToUri(path))?.getText();
  const facts = new FactsProvider(roots, bufferText, (path) => workspaceFileSetting.get(path));
  /** Lint results of configs read for context, and directory listings: dropped when files change on disk. */
  const lintCache = new LintCache();
  let includerSearch = new IncluderSearch();
  /** The latest diagnostics of each workspace file, for its code actions. */
  const workspaceFileDiagnostics = new Map<string, Diagnostic[]>();
  const isWorkspaceFile = (uri: string) => uri.startsWith('file:') && basename(uriToPath(uri)) === WORKSPACE_FILE;

  /** Workspace-file settings, overridden by what the editor sets explicitly. */
  const settingsFor = (uri: string): Promise<ServerSettings> => {
    let settings = settingsCache.get(uri);
    if (!settings) {
      const editor = configurationSupport
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'keepalived' }).then(readSettings, () => readSettings(undefined))
        : Promise.resolve(readSettings(undefined));
      settings = editor.then((e) => {
        const path = uriToPath(uri);
        const folder = roots.folderOf(path);
        workspaceFileSetting.set(path, e.workspaceFile && (isAbsolute(e.workspaceFile) ? e.workspaceFile : folder && resolve(folder, e.workspaceFile)));
        const fromFile = facts.settingsFor(path);
        const lint = { ...fromFile, ...e.lint, rules: { ...fromFile.rules, ...e.lint.rules } };
        // The keepalived its host runs wins over the editor's version, as lint() does.
        const hostVersion = facts.factsFor(path)?.self?.keepalivedVersion?.version;
        return { ...e, lint: hostVersion ? { ...lint, keepalivedVersion: hostVersion } : lint };
      });
      settingsCache.set(uri, settings);
    }
    return settings;
  };

  /**
   * How a document reads other files: open editor buffers first, then the disk (read afresh each
   * lint), both only inside the document's root.
   */
  const filesFor = (document: string): IncludeHost => {
    const guard = facts.guardFor(document);
    const disk = new NodeFileHost({ root: guard });
    const files: IncludeHost = {
      glob: (pattern, from, root) => disk.glob(pattern, from, root),
      read: (path) => {
        const open = documents.get(pathToUri(path));
        if (open && open.getText().length > MAX_DOCUMENT_CHARS) return { problem: { kind: 'too-large', path, message: tooLargeMessage(open.getText().length) } };
        return open ? { text: open.getText() } : disk.read(path);
      },
    };
    return guard ? guardRoot(files, guard) : files;
  };

  /** Text of any file a diagnostic points into: open buffers, files the lint read, then disk. */
  const texts: TextLookup = (path) => documents.get(pathToUri(path))?.getText() ?? analyzer.textOf(path) ?? readTextFile(path);

  const loadedOf = (loaded: WorkspaceFacts | undefined): LoadedWorkspace | undefined => loaded && { path: loaded.workspace.path, text: loaded.text, workspace: loaded.workspace };
  const contextSources = (path: string, settings: Partial<LintSettings>, files: IncludeHost): ContextSources => ({
    files, root: roots.of(path).root?.dir, search: includerSearch, cache: lintCache,
    // Configs read for context are checked with the document's settings and their own workspace file.
    configOf: (peer) => ({ settings, workspace: loadedOf(facts.workspaceOf(peer)) }),
  });
  const publishWorkspaceFile = (path: string, diagnostics: Diagnostic[]) => {
    workspaceFileDiagnostics.set(path, diagnostics);
    void connection.sendDiagnostics({ uri: pathToUri(path), diagnostics: diagnostics.map((d) => toLspDiagnostic(d, texts)) });
  };

  const analyzer = new Analyzer({
    maxDebounceMs: 150,
    settingsFor: async (uri) => (await settingsFor(uri)).lint,
    factsFor: (path) => facts.factsFor(path),
    inContext: (path, text, result, settings, files) => {
      if (!isAbsolute(path)) return undefined;
      const config = { settings, workspace: loadedOf(facts.workspaceOf(path)) };
      return documentInContext(path, text, result, config, contextSources(path, settings, files));
    },
    onWorkspaceFile: publishWorkspaceFile,
    filesFor,
    onAnalysis: (analysis) => {
      if (pullDiagnostics) return;
      const diagnostics = analysis.result.diagnostics.filter((d) => d.path === analysis.path).map((d) => toLspDiagnostic(d, texts));
      void connection.sendDiagnostics({ uri: analysis.uri, version: analysis.version, diagnostics });
    },
    onError: (uri, error) => connection.console.error(`linting ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`),
  });

  /** The one diagnostic of a document too large to analyse. */
  const tooLarge = (document: TextDocument | undefined) => document && document.getText().length > MAX_DOCUMENT_CHARS
    ? [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning, source: SOURCE, message: tooLargeMessage(document.getText().length) }]
    : undefined;

  const analysisOf = async (uri: string): Promise<Analysis | undefined> => {
    const document = isWorkspaceFile(uri) ? undefined : documents.get(uri);
    return document && !tooLarge(document) ? analyzer.current(uri, uriToPath(uri), document.version, document.getText()) : undefined;
  };
  const lintSettings = async (uri: string): Promise<Partial<LintSettings>> => (await settingsFor(uri)).lint;
  const schemaFor = async (uri: string) => {
    const settings = await lintSettings(uri);
    return KeywordSchema.for(settings.dialect ?? 'keepalived', settings.keepalivedVersion);
  };

  /** The user's keepalived.includeOutsideRoot (a machine setting: a workspace cannot set it for itself). */
  const readRootSetting = async (): Promise<boolean> => {
    if (!configurationSupport) return false;
    const [value] = await connection.workspace.getConfiguration([{ section: 'keepalived.includeOutsideRoot' }]).catch(() => [undefined]);
    // In an untrusted workspace nothing outside the root is read, whatever the settings say.
    const allow = value === true && roots.trusted;
    if (roots.allowOutside === allow) return false;
    roots.allowOutside = allow;
    facts.invalidate();
    return true;
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)) ?? (params.rootUri ? [uriToPath(params.rootUri)] : []);
    roots.setFolders(folders);
    // The VS Code extension says when the workspace is untrusted (see client/src/extension.ts).
    roots.trusted = (params.initializationOptions as { trusted?: unknown } | undefined)?.trusted !== false;
    workspaceFolderSupport = params.capabilities.workspace?.workspaceFolders === true;
    pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
    configurationSupport = params.capabilities.workspace?.configuration === true;
    // eglot and others answer workspace/configuration but cannot register for its changes.
    configurationRegistration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    watchSupport = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        diagnosticProvider: pullDiagnostics ? { interFileDependencies: true, workspaceDiagnostics: false } : undefined,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: [' ', '$', '{'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        semanticTokensProvider: { legend: LEGEND, full: true },
        inlayHintProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'keepalived-language-server' },
    };
  });

  /** Settings or roots changed: everything is linted again. */
  const relintAll = () => {
    settingsCache.clear();
    analyzer.refreshAll();
    if (pullDiagnostics) void connection.languages.diagnostics.refresh();
  };

  connection.onInitialized(() => {
    void readRootSetting().then((changed) => changed && relintAll());
    if (workspaceFolderSupport) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
        roots.setFolders(folders.map((f) => uriToPath(f.uri)));
        facts.invalidate();
        relintAll();
      });
    }
    if (configurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    // Clients that can watch files for us (besides VS Code, which our extension configures).
    if (watchSupport) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/keepalived-lint.yaml' }, { globPattern: '**/*.conf' }] });
  });

  connection.onDidChangeConfiguration(() => void readRootSetting().then(relintAll));

  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => c.uri.endsWith('keepalived-lint.yaml'))) {
      facts.invalidate();
      settingsCache.clear();
    }
    lintCache.clear();
    includerSearch = new IncluderSearch();
    analyzer.refreshAll();
    if (pullDiagnostics) void connection.languages.diagnostics.refresh();
  });

  /** Schedules a lint, or, for a document too large to lint, drops its analysis and says so. */
  const schedule = (document: TextDocument, immediate = false) => {
    const skipped = tooLarge(document);
    if (!skipped) return analyzer.schedule(document.uri, uriToPath(document.uri), document.version, document.getText(), immediate);
    analyzer.forget(document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: skipped });
  };

  /** A keepalived-lint.yaml open in the editor: its diagnostics as the CLI reports them, from its buffer. */
  const workspaceFileTimers = new Map<string, NodeJS.Timeout>();
  const lintWorkspaceFile = async (document: TextDocument) => {
    const path = uriToPath(document.uri);
    const settings = (await settingsFor(document.uri)).lint;
    const loaded = loadedOf(facts.workspaceOf(path));
    // Another workspace file applies here (the keepalived.workspaceFile setting names one): not this one's diagnostics.
    if (!loaded || loaded.path !== path || documents.get(document.uri)?.version !== document.version) return;
    const files = filesFor(path);
    const checked = workspaceFileInContext(loaded, { settings, workspace: loaded }, contextSources(path, settings, files));
    publishWorkspaceFile(path, checked.diagnostics);
  };
  const scheduleWorkspaceFile = (document: TextDocument, immediate: boolean) => {
    clearTimeout(workspaceFileTimers.get(document.uri));
    const run = () => void lintWorkspaceFile(document).catch((error: unknown) => connection.console.error(`linting ${document.uri} failed: ${String(error)}`));
    if (immediate) run();
    else workspaceFileTimers.set(document.uri, setTimeout(run, 150));
  };

  /** Open documents that read `path` (include it, are compared with it, use it as workspace file) are linted again. */
  const relintDependents = (path: string) => {
    const dependents = analyzer.relintDependents(path);
    if (pullDiagnostics && dependents.length > 0) void connection.languages.diagnostics.refresh();
  };

  documents.onDidOpen(({ document }) => {
    if (isWorkspaceFile(document.uri)) return scheduleWorkspaceFile(document, true);
    schedule(document, true);
  });
  documents.onDidChangeContent(({ document }) => {
    if (isWorkspaceFile(document.uri)) scheduleWorkspaceFile(document, false);
    else schedule(document);
    relintDependents(uriToPath(document.uri));
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(workspaceFileTimers.get(document.uri));
    analyzer.forget(document.uri);
    settingsCache.delete(document.uri);
    // Its dependents read the disk from now on.
    relintDependents(uriToPath(document.uri));
    if (!pullDiagnostics && !isWorkspaceFile(document.uri)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params) => {
    const skipped = tooLarge(documents.get(params.textDocument.uri));
    if (skipped) return { kind: DocumentDiagnosticReportKind.Full, items: skipped };
    if (isWorkspaceFile(params.textDocument.uri)) {
      const diagnostics = workspaceFileDiagnostics.get(uriToPath(params.textDocument.uri)) ?? [];
      return { kind: DocumentDiagnosticReportKind.Full, items: diagnostics.map((d) => toLspDiagnostic(d, texts)) };
    }
    const analysis = await analysisOf(params.textDocument.uri);
    const items = analysis ? analysis.result.diagnostics.filter((d) => d.path === analysis.path).map((d) => toLspDiagnostic(d, texts)) : [];
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });

  connection.onCodeAction(async (params) => {
    const uri = params.textDocument.uri;
    const workspaceFile = isWorkspaceFile(uri) ? documents.get(uri) : undefined;
    if (workspaceFile) {
      // keepalived-lint.yaml: the fixes of its diagnostics (swapped-node-parameters), no disable comments.
      const path = uriToPath(uri);
      return codeActions({ uri, path, text: workspaceFile.getText(), diagnostics: workspaceFileDiagnostics.get(path) ?? [], disableComments: false }, params, texts);
    }
    const analysis = await analysisOf(params.textDocument.uri);
    return analysis ? [...codeActions({ ...analysis, diagnostics: analysis.result.diagnostics, disableComments: true }, params, texts), ...fixAllActions(analysis, params.context.only)] : [];
  });

  connection.onRequest(FileInfoRequest, async ({ uri }) => fileInfo(uriToPath(uri), await lintSettings(uri), facts.workspaceOf(uriToPath(uri)), roots.trusted));

  connection.onHover(async (params) => {
    const analysis = await analysisOf(params.textDocument.uri);
    if (!analysis) return null;
    const offset = lineIndexOf(analysis.path, analysis.text).offsetAt(params.position);
    return hover(analysis, offset, await lintSettings(params.textDocument.uri), facts.factsFor(analysis.path)) ?? null;
  });

  connection.onCompletion(async (params) => {
    const analysis = await analysisOf(params.textDocument.uri);
    if (!analysis) return [];
    const index = lineIndexOf(analysis.path, analysis.text);
    const offset = index.offsetAt(params.position);
    const schema = await schemaFor(params.textDocument.uri);
    const linePrefix = analysis.text.slice(index.lineStart(params.position.line), offset);
    return completionItems(completionCandidates({ result: analysis.result, schema, file: 0, offset, linePrefix, facts: facts.factsFor(analysis.path) }), schema);
  });

  const openPaths = () => documents.all().map((d) => uriToPath(d.uri));
  const includerCandidates = (path: string): string[] => {
    const root = roots.of(path).root?.dir;
    return root === undefined ? [] : includerSearch.candidates(path, root, loadedOf(facts.workspaceOf(path))).flat();
  };
  const scope = new NavigationScope({ filesFor, workspaceOf: (path) => facts.workspaceOf(path), openPaths, includerCandidates });
  registerNavigation(connection, {
    analysisOf, lintSettings, texts, scope, openPaths,
    // The root keepalived-lint.yaml of each workspace folder, and the one of each open document.
    workspaces: () => [...roots.folderPaths.map((folder) => facts.workspaceOf(join(folder, 'keepalived.conf'))), ...openPaths().map((path) => facts.workspaceOf(path))],
  });

  const withIndex = async (uri: string) => {
    const analysis = await analysisOf(uri);
    return analysis && { analysis, index: lineIndexOf(analysis.path, analysis.text) };
  };
  connection.onDocumentSymbol(async (p) => { const a = await withIndex(p.textDocument.uri); return a ? documentSymbols(a.analysis, a.index) : []; });
  connection.onFoldingRanges(async (p) => { const a = await withIndex(p.textDocument.uri); return a ? foldingRanges(a.analysis, a.index) : []; });
  connection.onDocumentLinks(async (p) => { const a = await withIndex(p.textDocument.uri); return a ? documentLinks(a.analysis, a.index) : []; });
  connection.onSelectionRanges(async (p) => {
    const a = await withIndex(p.textDocument.uri);
    return a ? selectionRanges(a.analysis, a.index, p.positions.map((pos) => a.index.offsetAt(pos))) : [];
  });
  connection.languages.semanticTokens.on(async (p) => {
    const a = await withIndex(p.textDocument.uri);
    return { data: a ? semanticTokens(a.analysis, a.index, await schemaFor(p.textDocument.uri)) : [] };
  });
  connection.languages.inlayHint.on(async (p) => {
    const a = await withIndex(p.textDocument.uri);
    return a ? inlayHints(a.analysis, a.index, facts.factsFor(a.analysis.path), { start: a.index.offsetAt(p.range.start), end: a.index.offsetAt(p.range.end) }) : [];
  });

  const format = async (uri: string, options: FormattingOptions, range?: { start: { line: number }; end: { line: number } }) => {
    const document = documents.get(uri);
    if (!document || tooLarge(document)) return [];
    const text = document.getText();
    const indent = options.insertSpaces ? ' '.repeat(Math.max(0, Math.min(16, options.tabSize))) : '\t';
    const formatted = formatText(text, { indent, ...(range ? { range: { start: range.start.line, end: range.end.line } } : {}) });
    return formatted === text ? [] : [{ range: { start: { line: 0, character: 0 }, end: document.positionAt(text.length) }, newText: formatted }];
  };
  connection.onDocumentFormatting((p) => format(p.textDocument.uri, p.options));
  connection.onDocumentRangeFormatting((p) => format(p.textDocument.uri, p.options, p.range));

  documents.listen(connection);
  connection.listen();
}
