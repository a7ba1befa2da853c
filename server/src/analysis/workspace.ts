// Lints a workspace: every config with the facts of the host it runs on, then the rules that
// need the whole picture (deployment parameters, VRRP pairs).
import { LineIndex, type IncludeHost, type Span } from '../../../grammar/index.js';
import type { HostFact, HostFacts } from './host/context.js';
import { applyPragmas, lint, type LintResult } from './lint.js';
import { workspaceRules } from './rules/index.js';
import { defaultSettings, type LintSettings } from './settings.js';
import type { Diagnostic } from './types.js';
import type { ConfigModel, WorkspaceRuleContext } from './workspace-rule.js';

export interface WorkspaceLintInput {
  configs: Array<{ path: string; text: string }>;
  /** Facts of the workspace file; `self` is filled in per config. */
  facts?: HostFacts;
  /** The host a config runs on according to the workspace file (`configs:` globs). */
  hostOf?: (path: string) => HostFact | undefined;
  settings?: Partial<LintSettings>;
  files?: IncludeHost;
}

export interface WorkspaceLintResult {
  /** Per linted config. */
  results: Map<string, LintResult>;
  /** Diagnostics of workspace rules (in configs and in the workspace file). */
  diagnostics: Diagnostic[];
}

function runWorkspaceRules(facts: HostFacts, models: ConfigModel[], settings: LintSettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  const indexes = new Map<string, LineIndex>();
  const indexOf = (model: ConfigModel, span: Span) => {
    const key = `${model.path}\u0000${span.file}`;
    let index = indexes.get(key);
    if (!index) indexes.set(key, (index = new LineIndex(model.parse.files[span.file]?.text ?? '')));
    return index;
  };
  for (const rule of workspaceRules) {
    const configured = settings.rules[rule.meta.id];
    if (configured === 'off') continue;
    const context: WorkspaceRuleContext = {
      facts,
      dialect: settings.dialect,
      configs: models,
      location: (model, span) => ({ path: model.parse.files[span.file]?.path ?? model.path, start: span.start, end: span.end }),
      lineOf: (model, span) => indexOf(model, span).positionAt(span.start).line + 1,
      text: (model, span) => model.parse.files[span.file]?.text.slice(span.start, span.end) ?? '',
      report: (r) => out.push({ ...r.location, rule: rule.meta.id, severity: configured ?? r.severity ?? rule.meta.defaultSeverity, message: r.message, fix: r.fix, related: r.related }),
    };
    rule.checkWorkspace(context);
  }
  return out;
}

/**
 * Runs the workspace rules over configs already linted with the workspace's facts. Directives
 * in a config silence workspace diagnostics on its lines too.
 */
export function checkWorkspace(facts: HostFacts, results: ReadonlyMap<string, LintResult>, settings: Partial<LintSettings> = {}): Diagnostic[] {
  const models: ConfigModel[] = [...results.entries()].map(([path, r]) => ({ path, host: r.host, parse: r.view.parse, tree: r.view.tree }));
  let diagnostics = runWorkspaceRules(facts, models, defaultSettings(settings));
  for (const result of results.values()) {
    const indexes = new Map<number, LineIndex>();
    const indexOf = (file: number) => {
      let index = indexes.get(file);
      if (!index) indexes.set(file, (index = new LineIndex(result.parse.files[file].text)));
      return index;
    };
    diagnostics = applyPragmas(diagnostics, result.parse, result.pragmas, indexOf);
  }
  return diagnostics;
}

export function lintWorkspace(input: WorkspaceLintInput): WorkspaceLintResult {
  const results = new Map<string, LintResult>();
  for (const config of input.configs) {
    const facts = input.facts ? { ...input.facts, self: input.hostOf?.(config.path) } : undefined;
    results.set(config.path, lint({ path: config.path, text: config.text, settings: input.settings, files: input.files, facts }));
  }
  return { results, diagnostics: input.facts ? checkWorkspace(input.facts, results, input.settings) : [] };
}
