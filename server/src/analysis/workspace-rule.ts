// Rules that look at the workspace as a whole: the deployment parameters in
// keepalived-lint.yaml and the configs of hosts that form a VRRP pair.
import type { ParseResult, Span } from '../../../grammar/index.js';
import type { Dialect } from '../../../grammar/keywords/index.js';
import type { HostFact, HostFacts } from './host/context.js';
import type { ConfigTree } from './model/config-tree.js';
import type { Fix, Location, RelatedLocation, RuleMeta, Severity } from './types.js';

export interface ConfigModel {
  path: string;
  host?: HostFact;
  parse: ParseResult;
  tree: ConfigTree;
}

export interface WorkspaceReport {
  location: Location;
  message: string;
  severity?: Severity;
  fix?: Fix;
  related?: RelatedLocation[];
}

export interface WorkspaceRuleContext {
  facts: HostFacts;
  /** The dialect the configs are read in. */
  dialect: Dialect;
  configs: readonly ConfigModel[];
  location(config: ConfigModel, span: Span): Location;
  /** 1-based line of a span in a config, for messages. */
  lineOf(config: ConfigModel, span: Span): number;
  text(config: ConfigModel, span: Span): string;
  report(report: WorkspaceReport): void;
}

export interface WorkspaceRule {
  meta: RuleMeta;
  checkWorkspace(context: WorkspaceRuleContext): void;
}
