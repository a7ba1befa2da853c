// Editor settings (`keepalived.*`, resource scope) mapped to lint settings.
import type { LintSettings, SeveritySetting } from '../analysis/index.js';

export interface ServerSettings {
  lint: Partial<LintSettings>;
  /** Explicit path of keepalived-lint.yaml; found by walking up from each file otherwise. */
  workspaceFile?: string;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

export function readSettings(raw: unknown): ServerSettings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const lint: Partial<LintSettings> = {};
  if (section.dialect === 'keepalived' || section.dialect === 'dpvs') lint.dialect = section.dialect;
  if (typeof section.keepalivedVersion === 'string' && /^\d+\.\d+(\.\d+)?$/.test(section.keepalivedVersion)) lint.keepalivedVersion = section.keepalivedVersion;
  if (Number.isSafeInteger(section.maxProblems) && (section.maxProblems as number) >= 0) lint.maxProblems = section.maxProblems as number;
  if (section.rules && typeof section.rules === 'object') {
    lint.rules = Object.fromEntries(Object.entries(section.rules as Record<string, unknown>).filter(([, v]) => typeof v === 'string' && SEVERITIES.has(v))) as Record<string, SeveritySetting>;
  }
  return { lint, workspaceFile: typeof section.workspaceFile === 'string' && section.workspaceFile ? section.workspaceFile : undefined };
}
