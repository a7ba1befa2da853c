// Keeps the latest analysis of each open document. Lints are debounced per document; a newer
// edit supersedes a pending one, and a result that is out of date when it completes is dropped.
// The debounce follows the document's last lint time (capped): a lint of a few milliseconds
// runs at once, so small files show diagnostics as you type; a slow one waits for a pause.
// Each analysis records the files it was read from, so that an edit of one re-lints (after the
// full debounce, a bounded number of) the open documents that depend on it.
import { capProblems, DEFAULT_MAX_PROBLEMS, lint, uniqueDiagnostics, type LintResult, type LintSettings } from '../analysis/index.js';
import type { IncludeHost } from '../../../grammar/index.js';
import type { Diagnostic } from '../analysis/index.js';
import type { HostFacts } from '../analysis/host/context.js';
import type { DocumentContext } from './workspace-diagnostics.js';

/** At most this many open documents are re-linted for one edit of a file they depend on. */
export const MAX_DEPENDENTS = 64;

export interface Analysis {
  uri: string;
  path: string;
  version: number;
  text: string;
  result: LintResult;
  /** The files this analysis was read from besides the document (includes, includers, peers, workspace file). */
  dependencies?: ReadonlySet<string>;
}

export interface AnalyzerOptions {
  /** Longest wait after an edit before linting (the wait is the last lint's duration, up to this). */
  maxDebounceMs: number;
  settingsFor(uri: string): Promise<Partial<LintSettings>>;
  factsFor(path: string): HostFacts | undefined;
  /** The document linted in its context (includers, peers), as the CLI lints it; undefined: on its own. */
  inContext?(path: string, text: string, result: LintResult, settings: Partial<LintSettings>, files: IncludeHost): DocumentContext | undefined;
  /** Called with the diagnostics of a workspace file whenever a config of it is analysed. */
  onWorkspaceFile(path: string, diagnostics: Diagnostic[]): void;
  /** How a document reads its includes (and the other configs of its workspace file). */
  filesFor(path: string): IncludeHost;
  /** Called with each fresh analysis (to publish diagnostics). */
  onAnalysis(analysis: Analysis): void;
  /** Clock for lint durations (ms); performance.now by default. */
  now?: () => number;
  /** Called when a scheduled lint fails (nobody awaits it: an unhandled rejection would end the process). */
  onError?(uri: string, error: unknown): void;
}

export class Analyzer {
  private readonly latest = new Map<string, Analysis>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly versions = new Map<string, number>();
  /** Text of the version last scheduled, to tell a repeated event from an edit. */
  private readonly texts = new Map<string, string>();
  /** How long the last lint of each document took (ms). */
  private readonly durations = new Map<string, number>();
  /** Documents whose latest analysis read a file that changed since. */
  private readonly stale = new Set<string>();

  constructor(private readonly options: AnalyzerOptions) {}

  /**
   * Schedules a lint of the document; `immediate` skips the debounce (on open), `delayMs`
   * replaces it, and with `again` an unchanged document is linted too (a file it reads changed).
   */
  schedule(uri: string, path: string, version: number, text: string, immediate = false, again = false, delayMs?: number): void {
    // didOpen is followed by a content-change event for the same version: lint it once.
    if (!immediate && !again && this.versions.get(uri) === version && this.texts.get(uri) === text) return;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    clearTimeout(this.timers.get(uri));
    const run = () => void this.run(uri, path, version, text).catch((error: unknown) => {
      if (this.options.onError) this.options.onError(uri, error);
      else console.error(`keepalived-lint: linting ${uri} failed:`, error);
    });
    if (immediate) run();
    else this.timers.set(uri, setTimeout(run, delayMs ?? this.debounceOf(uri)));
  }

  /**
   * Re-lints the open documents (other than `path` itself) whose last analysis read `path`,
   * after the full debounce (edits of `path` in a row lint them once), at most MAX_DEPENDENTS.
   */
  relintDependents(path: string): Analysis[] {
    const dependents = this.all().filter((a) => a.path !== path && a.dependencies?.has(path)).slice(0, MAX_DEPENDENTS);
    for (const a of dependents) this.stale.add(a.uri);
    // The version last scheduled, not the last analysed: an edit of the dependent may be pending.
    for (const a of dependents) this.schedule(a.uri, a.path, this.versions.get(a.uri) ?? a.version, this.texts.get(a.uri) ?? a.text, false, true, this.options.maxDebounceMs);
    return dependents;
  }

  /** The analysis of the current version, computing it now if needed. */
  async current(uri: string, path: string, version: number, text: string): Promise<Analysis> {
    const known = this.latest.get(uri);
    if (known && known.version === version && known.text === text && !this.stale.has(uri)) return known;
    return (await this.run(uri, path, version, text)) ?? this.analyse(uri, path, version, text, {});
  }

  /** Wait before linting an edit of `uri`: as long as its last lint took, at most maxDebounceMs. */
  debounceOf(uri: string): number {
    return Math.min(this.options.maxDebounceMs, Math.round(this.durations.get(uri) ?? this.options.maxDebounceMs));
  }

  get(uri: string): Analysis | undefined {
    return this.latest.get(uri);
  }

  /** The latest analysis of every open document. */
  all(): Analysis[] {
    return [...this.latest.values()];
  }

  /** Text of a file as the latest analyses read it (included files of open documents). */
  textOf(path: string): string | undefined {
    for (const analysis of this.latest.values()) {
      const text = analysis.result.texts.get(path);
      if (text !== undefined) return text;
    }
    return undefined;
  }

  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.latest.delete(uri);
    this.versions.delete(uri);
    this.texts.delete(uri);
    this.durations.delete(uri);
    this.stale.delete(uri);
  }

  /** Re-lints every open document (settings, facts or included files changed). */
  refreshAll(): void {
    for (const analysis of this.latest.values()) this.schedule(analysis.uri, analysis.path, analysis.version, analysis.text, true);
  }

  private analyse(uri: string, path: string, version: number, text: string, settings: Partial<LintSettings>): Analysis {
    const latest = this.latest.get(uri);
    const previous = latest && latest.path === path ? { text: latest.text, result: latest.result.parse } : undefined;
    const files = this.options.filesFor(path);
    const own = lint({ path, text, settings, files, facts: this.options.factsFor(path), previous });
    const context = this.options.inContext?.(path, text, own, settings, files);
    if (context?.workspaceFile) this.options.onWorkspaceFile(context.workspaceFile.path, context.workspaceFile.diagnostics);
    const max = settings.maxProblems ?? DEFAULT_MAX_PROBLEMS;
    // A new object: `own` may be shared with the lint cache, which keeps its own diagnostics.
    const result = { ...own, diagnostics: capProblems(uniqueDiagnostics(context?.diagnostics ?? own.diagnostics), () => max) };
    const dependencies = context?.dependencies ?? new Set(own.texts.keys());
    dependencies.delete(path);
    return { uri, path, version, text, result, dependencies };
  }

  private async run(uri: string, path: string, version: number, text: string): Promise<Analysis | undefined> {
    const settings = await this.options.settingsFor(uri);
    if (this.versions.get(uri) !== version) return undefined; // superseded while waiting
    const now = this.options.now ?? (() => performance.now());
    const started = now();
    const analysis = this.analyse(uri, path, version, text, settings);
    this.durations.set(uri, now() - started);
    if (this.versions.get(uri) !== version) return undefined;
    this.latest.set(uri, analysis);
    this.stale.delete(uri);
    this.options.onAnalysis(analysis);
    return analysis;
  }
}
