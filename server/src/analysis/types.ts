// The analysis library's public data: diagnostics, fixes and rule metadata. Positions are
// offsets into a file's text; the CLI and the language server convert them at the edge.

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export const SEVERITY_ORDER: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

export interface Location {
  /** Path of the file as given to the linter (or as resolved for includes). */
  path: string;
  start: number;
  end: number;
}

export interface TextEdit extends Location {
  newText: string;
}

/** A fix is data: a title and text edits, possibly in several files. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface RelatedLocation extends Location {
  message: string;
}

export interface Diagnostic extends Location {
  rule: string;
  severity: Severity;
  message: string;
  /** Applied by `--fix` and offered first by the editor. */
  fix?: Fix;
  /** Other fixes: offered in the editor, never applied automatically. */
  suggestions?: Fix[];
  related?: RelatedLocation[];
}

export type RuleCategory = 'syntax' | 'schema' | 'reference' | 'vrrp' | 'lvs' | 'host' | 'parameters' | 'pair' | 'style';

export interface RuleMeta {
  /** Stable kebab-case id; never renamed or reused. */
  id: string;
  defaultSeverity: Severity;
  category: RuleCategory;
  /** One line, for the README table, SARIF and hover. */
  description: string;
  /** Whether some of its diagnostics carry a `fix`. */
  fixable: boolean;
}
