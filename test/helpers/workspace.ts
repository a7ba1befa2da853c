// Lints an in-memory workspace (keepalived-lint.yaml + configs) the way the CLI does.
import { lintWorkspace, type Diagnostic, type LintSettings } from '../../server/src/analysis/index.js';
import { readWorkspaceFile } from '../../server/src/analysis/host/from-workspace.js';
import { workspaceProblemDiagnostics } from '../../server/src/analysis/host/workspace-problems.js';
import { hostMatcher } from '../../server/src/node/workspace-facts.js';

export const WS_ROOT = '/ws';

export interface WorkspaceRun {
  /** Every diagnostic: file rules, workspace rules and problems of the YAML. */
  diagnostics: Diagnostic[];
  texts: Map<string, string>;
}

/** `configs` maps paths relative to the workspace root to config texts. */
export function lintMemoryWorkspace(yaml: string, configs: Record<string, string>, settings: Partial<LintSettings> = {}): WorkspaceRun {
  const yamlPath = `${WS_ROOT}/keepalived-lint.yaml`;
  const workspace = readWorkspaceFile(yamlPath, yaml);
  const result = lintWorkspace({
    configs: Object.entries(configs).map(([rel, text]) => ({ path: `${WS_ROOT}/${rel}`, text })),
    facts: workspace.facts,
    hostOf: hostMatcher(workspace),
    settings: { dialect: workspace.dialect, keepalivedVersion: workspace.keepalivedVersion, rules: workspace.rules, ...settings },
  });
  const texts = new Map<string, string>([[yamlPath, yaml], ...Object.entries(configs).map(([rel, text]) => [`${WS_ROOT}/${rel}`, text] as [string, string])]);
  const diagnostics = [...[...result.results.values()].flatMap((r) => r.diagnostics), ...result.diagnostics,
    ...workspaceProblemDiagnostics(workspace, workspace.rules['invalid-workspace-file'])];
  return { diagnostics, texts };
}

/** [file relative to the root, 1-based line, covered text] of each diagnostic of `rule`. */
export function workspaceHits(run: WorkspaceRun, rule: string): Array<[string, number, string]> {
  return run.diagnostics.filter((d) => d.rule === rule).map((d) => {
    const text = run.texts.get(d.path) ?? '';
    return [d.path.slice(WS_ROOT.length + 1), text.slice(0, d.start).split('\n').length, text.slice(d.start, d.end)] as [string, number, string];
  }).sort();
}

/** Two hosts on one segment (lb1 192.168.10.11, lb2 192.168.10.12), running lb1/ and lb2/keepalived.conf. */
export const TWO_HOSTS = `version: 1
hosts:
  lb1:
    interfaces:
      eth0: [192.168.10.11/24]
    configs: [lb1/keepalived.conf]
  lb2:
    interfaces:
      eth0: [192.168.10.12/24]
    configs: [lb2/keepalived.conf]
`;

/** The VRRP instance VI_WEB (VRID 51, VIP 192.168.10.100 on eth0) of a TWO_HOSTS node. */
export const webInstance = (state: string, priority: number) => `vrrp_instance VI_WEB {
    state ${state}
    interface eth0
    virtual_router_id 51
    priority ${priority}
    virtual_ipaddress {
        192.168.10.100/24 dev eth0
    }
}
`;
