// Public API of the analysis library (shared by the CLI and the language server).
export { lint, type LintInput, type LintResult } from './lint.js';
export { defaultSettings, type LintSettings } from './settings.js';
export { allRules, ruleById, ruleIds } from './rules/index.js';
export type { Rule, RuleContext, Report, FixSpec } from './rule.js';
export * from './types.js';
