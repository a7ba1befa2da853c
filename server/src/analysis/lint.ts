// The analysis entry point: a pure function of text, settings and injected file access.
// The CLI and the language server both call `lint`, so they share every rule and fix.
import { LineIndex, parse, reparse, type IncludeHost, type ParseResult, type PreviousParse, type Span } from '../../../grammar/index.js';
import { KeywordSchema } from '../../../grammar/keywords/index.js';
import type { HostFact, HostFacts } from './host/context.js';
import { buildConfigTree, type ConfigTree } from './model/config-tree.js';
import { buildSymbolTable } from './model/symbols.js';
import { guardFixes, guardVariantFix, writtenSpans } from './fix-source.js';
import { isSuppressed, readPragmas, type PragmaSet } from './pragmas.js';
import { rootDiagnostics } from './root-diagnostics.js';
import type { Report, Rule, RuleContext } from './rule.js';
import { allRules, ruleIds } from './rules/index.js';
import { defaultSettings, type LintSettings } from './settings.js';
import type { Diagnostic, Fix, Location, RelatedLocation } from './types.js';
import { affordableReadings, readingGroups, usedVariantIds, type VariantIds } from './variants.js';

export interface LintInput {
  path: string;
  text: string;
  settings?: Partial<LintSettings>;
  /** File access for `include`; without it included files are not read. */
  files?: IncludeHost;
  /** Rules to run; all registered rules by default. */
  rules?: readonly Rule[];
  /** Host facts for host-aware rules (see host/from-workspace.ts). */
  facts?: HostFacts;
  /** The previous text of this file and its parse (LintResult.parse): only what changed is parsed again. */
  previous?: PreviousParse;
}

/** A parsed config as the rules saw it: the variant of its host's config id, or the union view. */
export interface ConfigView {
  parse: ParseResult;
  tree: ConfigTree;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  /** What workspace rules (pairs, parameters) look at. */
  view: ConfigView;
  /** The host this file runs on (workspace mapping or a `host=` directive). */
  host?: HostFact;
  /** Texts of the files read (the linted file and its includes), by path. */
  texts: Map<string, string>;
  /** The parse with every `@id` line kept: for outline and navigation. */
  parse: ParseResult;
  pragmas: PragmaSet;
}

function toLocation(parsed: ParseResult, span: Span): Location {
  return { path: parsed.files[span.file]?.path ?? parsed.files[0].path, start: span.start, end: span.end };
}

function runRules(parsed: ParseResult, settings: LintSettings, rules: readonly Rule[], pragmas: PragmaSet, facts?: HostFacts, configId?: string): { diagnostics: Diagnostic[]; view: ConfigView } {
  const indexes = new Map<number, LineIndex>();
  const lineOf = (span: Span) => {
    let index = indexes.get(span.file);
    if (!index) indexes.set(span.file, (index = new LineIndex(parsed.files[span.file]?.text ?? '')));
    return index.positionAt(span.start).line + 1;
  };
  const lineRef = (span: Span, from: Span) => {
    if (span.file === from.file) return `line ${lineOf(span)}`;
    const path = parsed.files[span.file]?.path ?? '';
    const root = parsed.files[0].path.slice(0, parsed.files[0].path.lastIndexOf('/') + 1);
    return `line ${lineOf(span)} of ${root && path.startsWith(root) ? path.slice(root.length) : path}`;
  };
  const schema = KeywordSchema.for(settings.dialect, settings.keepalivedVersion);
  const tree = buildConfigTree(parsed.document.items, schema);
  const symbols = buildSymbolTable(tree, schema);
  const out: Diagnostic[] = [];
  const stops = new Set<Diagnostic>();
  const written = writtenSpans(parsed);
  for (const rule of rules) {
    const configured = settings.rules[rule.meta.id];
    if (configured === 'off') continue;
    const toFix = (spec: NonNullable<Report['fix']>): Fix => ({
      title: spec.title,
      edits: [...(spec.edits ?? []).map((e) => ({ ...toLocation(parsed, written.get(e.span) ?? e.span), newText: e.newText })), ...(spec.locationEdits ?? [])],
    });
    // A ~SEQ line or a $NAME use repeats its words at one place: report each fault there once.
    const reported = new Set<string>();
    const context: RuleContext = {
      parse: parsed, tree, symbols, schema, settings, pragmas, lineOf, lineRef, ruleIds, facts,
      text: (span) => parsed.files[span.file]?.text.slice(span.start, span.end) ?? '',
      location: (span) => toLocation(parsed, span),
      report: (report) => {
        const key = `${report.span.file}\u0000${report.span.start}\u0000${report.span.end}\u0000${report.message}`;
        if (reported.has(key)) return;
        reported.add(key);
        const diagnostic: Diagnostic = {
          ...toLocation(parsed, report.span),
          rule: rule.meta.id,
          severity: configured ?? report.severity ?? rule.meta.defaultSeverity,
          message: report.message,
        };
        if (report.fix) diagnostic.fix = toFix(report.fix);
        if (report.suggestions?.length) diagnostic.suggestions = report.suggestions.map(toFix);
        if (report.related?.length) {
          diagnostic.related = report.related.map((r): RelatedLocation => ('span' in r ? { ...toLocation(parsed, r.span), message: r.message } : r));
        }
        if (report.stopsReading) stops.add(diagnostic);
        out.push(diagnostic);
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      // A crash in one rule must not take down the others, nor the editor.
      out.push({
        ...toLocation(parsed, { file: 0, start: 0, end: 0 }),
        rule: 'internal-error',
        severity: 'error',
        message: `rule '${rule.meta.id}' failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  // Fixes are checked per use first (a fix inside a definition needs every use to report it);
  // guardFixes keeps the objects of diagnostics without fixes, such as the stops.
  return { diagnostics: rootDiagnostics(parsed, tree.roots, guardFixes(out, parsed, configId), stops), view: { parse: parsed, tree } };
}

const keyOf = (d: Diagnostic) => `${d.path}\u0000${d.start}\u0000${d.end}\u0000${d.rule}\u0000${d.message}`;

/** Which variants reported a diagnostic, for its message. */
function variantLabel(where: readonly string[], ids: readonly string[], other?: string): string {
  const named = where.filter((id) => id !== other);
  const parts = named.length > 0 ? [`config id ${named.join(', ')}`] : [];
  if (other !== undefined && where.includes(other)) parts.push(`a config id other than ${ids.filter((id) => id !== other).join(', ')}`);
  return parts.join(' or ');
}

/** `diagnostic` with the related locations another variant found for it added. */
function withRelated(diagnostic: Diagnostic, more: RelatedLocation[] | undefined): Diagnostic {
  const known = new Set((diagnostic.related ?? []).map((r) => `${r.path}\u0000${r.start}\u0000${r.message}`));
  const added = (more ?? []).filter((r) => !known.has(`${r.path}\u0000${r.start}\u0000${r.message}`));
  return added.length === 0 ? diagnostic : { ...diagnostic, related: [...(diagnostic.related ?? []), ...added] };
}

/** Runs every variant of a conditional config and merges what they report. */
function lintVariants(input: LintInput, settings: LintSettings, union: ParseResult, rules: readonly Rule[], pragmas: PragmaSet, facts?: HostFacts): { diagnostics: Diagnostic[]; view: ConfigView } {
  if (union.conditionals.length === 0) return runRules(union, settings, rules, pragmas, facts);
  // keepalived's config id defaults to the host name: a known host decides the variant.
  const variants: VariantIds = facts?.self ? { ids: [facts.self.name] } : settings.configIds.length > 0 ? { ids: settings.configIds } : usedVariantIds(union);
  const { checked: checkedGroups, note } = affordableReadings(union, readingGroups(union, variants.ids));
  const ids = checkedGroups.flat();
  const check = (id: string) => runRules(parse(input.path, input.text, { configId: id, includes: input.files, maxIncludeDepth: settings.maxIncludeDepth, maxFiles: settings.maxIncludeFiles }), settings, rules, pragmas, facts, id);
  if (checkedGroups.length === 1) {
    // One reading for every id: its findings hold for all of them as they are.
    const result = check(ids[0]);
    return { diagnostics: [...result.diagnostics, ...note], view: result.view };
  }
  const seen = new Map<string, { diagnostic: Diagnostic; variants: Array<{ id: string; diagnostic: Diagnostic }> }>();
  for (const group of checkedGroups) {
    const result = check(group[0]);
    const once = new Map(result.diagnostics.map((d) => [keyOf(d), d]));
    for (const [key, diagnostic] of once) {
      const found = group.map((id) => ({ id, diagnostic }));
      const entry = seen.get(key);
      if (!entry) seen.set(key, { diagnostic, variants: found });
      else {
        entry.variants.push(...found);
        entry.diagnostic = withRelated(entry.diagnostic, diagnostic.related);
      }
    }
  }
  const diagnostics = [...seen.values()].map(({ diagnostic, variants: found }) => {
    const merged = guardVariantFix(diagnostic, found, ids, union);
    const where = found.map((v) => v.id);
    return where.length === ids.length ? merged : { ...merged, message: `${merged.message} (with ${variantLabel(where, ids, variants.other)})` };
  });
  return { diagnostics: [...diagnostics, ...note], view: { parse: union, tree: buildConfigTree(union.document.items, KeywordSchema.for(settings.dialect, settings.keepalivedVersion)) } };
}

/** A `# keepalived-lint host=NAME` comment names the host this file runs on. */
function withPragmaHost(facts: HostFacts | undefined, pragmas: PragmaSet): HostFacts | undefined {
  const named = pragmas.hostName?.name;
  const host = named ? facts?.hosts.find((h) => h.name === named) : undefined;
  return host && facts ? { ...facts, self: host } : facts;
}

export function applyPragmas(diagnostics: Diagnostic[], union: ParseResult, pragmas: PragmaSet, indexOf: (file: number) => LineIndex): Diagnostic[] {
  const fileIdByPath = new Map(union.files.map((f) => [f.path, f.id]));
  return diagnostics.filter((d) => {
    const file = fileIdByPath.get(d.path);
    if (file === undefined) return true;
    return !isSuppressed(pragmas, d.rule, file, indexOf(file).positionAt(d.start).line);
  });
}

export function lint(input: LintInput): LintResult {
  const requested = defaultSettings(input.settings);
  const rules = input.rules ?? allRules;
  const options = { includes: input.files, maxIncludeDepth: requested.maxIncludeDepth, maxFiles: requested.maxIncludeFiles };
  const union = input.previous ? reparse(input.previous, input.path, input.text, options) : parse(input.path, input.text, options);
  const indexes = new Map<number, LineIndex>();
  const indexOf = (file: number) => {
    let index = indexes.get(file);
    if (!index) indexes.set(file, (index = new LineIndex(union.files[file].text)));
    return index;
  };
  const pragmas = requested.noInlineConfig ? { pragmas: [], malformed: [] } : readPragmas(union.comments, indexOf);
  const facts = withPragmaHost(input.facts, pragmas);
  // The host's own keepalived decides which keywords its configs may use.
  const hostVersion = facts?.self?.keepalivedVersion?.version;
  const settings = hostVersion ? { ...requested, keepalivedVersion: hostVersion } : requested;
  const result = lintVariants(input, settings, union, rules, pragmas, facts);
  const diagnostics = applyPragmas(result.diagnostics, union, pragmas, indexOf);
  diagnostics.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
  return { diagnostics, view: result.view, host: facts?.self, texts: new Map(union.files.map((f) => [f.path, f.text])), parse: union, pragmas };
}
