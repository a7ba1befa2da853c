// Public API of the analysis library (shared by the CLI and the language server).
export { lint, type LintInput, type LintResult, type ConfigView } from './lint.js';
export { checkWorkspace, lintWorkspace, type WorkspaceLintInput, type WorkspaceLintResult } from './workspace.js';
export { defaultSettings, type LintSettings } from './settings.js';
export { capProblems, diagnosticKey, uniqueDiagnostics, DEFAULT_MAX_PROBLEMS, TOO_MANY_PROBLEMS } from './cap.js';
export { allRules, workspaceRules, allRuleMetas, ruleById, ruleIds } from './rules/index.js';
export type { Rule, RuleContext, Report, FixSpec } from './rule.js';
export type { WorkspaceRule, WorkspaceRuleContext, ConfigModel } from './workspace-rule.js';
export type { HostFacts, HostFact, ParameterFact } from './host/context.js';
export * from './types.js';
