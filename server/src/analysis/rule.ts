// What a rule sees and how it reports. Rules work with Spans (file index + offsets);
// the runner turns them into paths for the outside world.
import type { ParseResult, Span } from '../../../grammar/index.js';
import type { KeywordSchema } from '../../../grammar/keywords/index.js';
import type { HostFacts } from './host/context.js';
import type { ConfigTree } from './model/config-tree.js';
import type { SymbolTable } from './model/symbols.js';
import type { PragmaSet } from './pragmas.js';
import type { LintSettings } from './settings.js';
import type { Location, RelatedLocation, RuleMeta, Severity, TextEdit } from './types.js';

export interface SpanEdit {
  span: Span;
  newText: string;
}

export interface FixSpec {
  title: string;
  /** Edits in the linted files (by span) ... */
  edits?: SpanEdit[];
  /** ... or anywhere (by path), for fixes that touch other files. */
  locationEdits?: TextEdit[];
}

export interface Report {
  span: Span;
  message: string;
  /** Overrides the rule's default severity for this one diagnostic. */
  severity?: Severity;
  fix?: FixSpec;
  suggestions?: FixSpec[];
  related?: Array<{ span: Span; message: string } | RelatedLocation>;
  /** keepalived stops reading the configuration here: findings after this line are dropped. */
  stopsReading?: boolean;
}

export interface RuleContext {
  parse: ParseResult;
  tree: ConfigTree;
  symbols: SymbolTable;
  schema: KeywordSchema;
  settings: LintSettings;
  pragmas: PragmaSet;
  /** Host facts from keepalived-lint.yaml; undefined when there is no workspace file. */
  facts?: HostFacts;
  /** Ids of every registered rule (for checking directives). */
  ruleIds: ReadonlySet<string>;
  /** Text of a span. */
  text(span: Span): string;
  location(span: Span): Location;
  /** 1-based line number of a span's start (in its own file), for comparisons. */
  lineOf(span: Span): number;
  /**
   * Where a span is, for a message reported at `from`: 'line 12', or 'line 12 of conf.d/vs.conf'
   * when it is in another file than the diagnostic.
   */
  lineRef(span: Span, from: Span): string;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
