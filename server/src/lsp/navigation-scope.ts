// Which configs navigation searches from a file: the file's own parse, every config that
// includes it (open documents, the configs of its keepalived-lint.yaml, and the configs the
// workspace model would lint it with: IncluderSearch, as for diagnostics), the other configs of
// the hosts those run on, and every config that reads a file an occurrence is in. Each config is
// parsed as its files read now (open buffers first, disk otherwise); the parse is reused while
// none of the files it read has changed and every include pattern still matches what it did.
import { parse, type IncludeHost, type ParseResult } from '../../../grammar/index.js';
import { KeywordSchema } from '../../../grammar/keywords/index.js';
import { defaultSettings, type LintSettings } from '../analysis/index.js';
import { buildConfigTree } from '../analysis/model/config-tree.js';
import { workspaceConfigs, type WorkspaceFacts } from '../node/workspace-facts.js';
import { symbolAt, type NavigationView, type SymbolOccurrences } from './navigation.js';

export interface ScopeDeps {
  /** How a config reads itself and its includes. */
  filesFor(path: string): IncludeHost;
  /** The keepalived-lint.yaml that applies to a config. */
  workspaceOf(path: string): WorkspaceFacts | undefined;
  /** Paths of the open documents. */
  openPaths(): string[];
  /** Configs that may include the file, as the workspace model finds them for its diagnostics. */
  includerCandidates(path: string): string[];
}

/**
 * Whether the files a parse read still hold what it read and each include pattern still
 * matches the same paths: a file created where a glob looks (conf.d/new.conf) changes the
 * config although no file it read has changed.
 */
function isCurrent(parsed: ParseResult, files: IncludeHost): boolean {
  const textOf = (file: string) => {
    const read = files.read(file);
    return 'problem' in read ? undefined : read.text;
  };
  if (!parsed.files.every((f) => textOf(f.path) === f.text)) return false;
  return parsed.includes.every((directive) => {
    // A directive refused before its pattern was expanded (too deep, no file access) matched nothing by design.
    if (directive.problems.some((p) => p.kind === 'too-deep' || p.kind === 'no-file-access')) return true;
    const from = parsed.files[directive.keywordSpan.file]?.path;
    if (from === undefined) return false;
    const now = files.glob(directive.pattern, from);
    const paths = 'problem' in now ? [] : now.paths;
    return paths.length === directive.matched.length && paths.every((path, i) => path === directive.matched[i]);
  });
}
/** More parsed configs than any workspace plausibly has: the cache is dropped past it. */
const MAX_CACHED = 512;

export class NavigationScope {
  private readonly cache = new Map<string, { schema: KeywordSchema; view: NavigationView }>();

  constructor(private readonly deps: ScopeDeps) {}

  /** The parse of the config at `path` as its files read now; undefined when it cannot be read. */
  viewOf(path: string, settings: Partial<LintSettings>): NavigationView | undefined {
    const schema = KeywordSchema.for(settings.dialect ?? 'keepalived', settings.keepalivedVersion);
    const files = this.deps.filesFor(path);
    const known = this.cache.get(path);
    if (known && known.schema === schema && isCurrent(known.view.parse, files)) return known.view;
    const read = files.read(path);
    if ('problem' in read) return undefined;
    const text = read.text;
    const limits = defaultSettings(settings);
    const parsed = parse(path, text, { includes: files, maxIncludeDepth: limits.maxIncludeDepth, maxFiles: limits.maxIncludeFiles });
    const view = { parse: parsed, tree: buildConfigTree(parsed.document.items, schema) };
    if (this.cache.size >= MAX_CACHED && !this.cache.has(path)) this.cache.clear();
    this.cache.set(path, { schema, view });
    return view;
  }

  /**
   * The `$NAME` or named object at `offset` of `path` and all its occurrences. The search starts
   * with the configs that read `path` (includers first: they read it in its real context, then
   * its own parse) and the other configs of their hosts, and grows to every config that reads a
   * file an occurrence is in, since an edit there changes that config too.
   */
  symbolAt(path: string, offset: number, settings: Partial<LintSettings>): SymbolOccurrences | undefined {
    const schema = KeywordSchema.for(settings.dialect ?? 'keepalived', settings.keepalivedVersion);
    const workspace = this.deps.workspaceOf(path);
    const configs = workspace ? workspaceConfigs(workspace.workspace) : [];
    const candidates = new Map<string, NavigationView>();
    for (const candidate of new Set([...this.deps.openPaths(), ...configs, ...this.deps.includerCandidates(path)])) {
      const view = candidate === path ? undefined : this.viewOf(candidate, settings);
      if (view) candidates.set(candidate, view);
    }
    const reads = (view: NavigationView, file: string) => view.parse.files.some((f) => f.path === file);
    const hostOf = (config: string) => workspace?.hostOf(config)?.name;
    const chosen = new Map([...candidates].filter(([, view]) => reads(view, path)));
    const own = this.viewOf(path, settings);
    if (own) chosen.set(path, own);
    for (;;) {
      const hosts = new Set<string | undefined>([...chosen.keys()].map(hostOf).filter((name) => name !== undefined));
      for (const [config, view] of candidates) if (!chosen.has(config) && hosts.has(hostOf(config))) chosen.set(config, view);
      const found = symbolAt([...chosen.values()], path, offset, schema);
      if (!found) return undefined;
      const touched = new Set([...found.definitions, ...found.references].map((o) => o.path));
      const more = [...candidates].filter(([config, view]) => !chosen.has(config) && [...touched].some((file) => reads(view, file)));
      if (more.length === 0) return found;
      for (const [config, view] of more) chosen.set(config, view);
    }
  }

  /** Every config the workspace symbols cover: the open documents and each config of the workspace files given. */
  static configsOf(openPaths: readonly string[], workspaces: ReadonlyArray<WorkspaceFacts | undefined>): string[] {
    return [...new Set([...openPaths, ...workspaces.flatMap((w) => (w ? workspaceConfigs(w.workspace) : []))])];
  }
}
