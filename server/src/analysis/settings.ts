// Lint settings: what the CLI flags, the workspace file and editor settings boil down to.
import { DEFAULT_KEEPALIVED_VERSION, type Dialect } from '../../../grammar/keywords/index.js';
import { DEFAULT_MAX_PROBLEMS } from './cap.js';
import type { SeveritySetting } from './types.js';

export interface LintSettings {
  dialect: Dialect;
  keepalivedVersion: string;
  /** Severity overrides by rule id. */
  rules: Record<string, SeveritySetting>;
  /** Config ids to check a file with `@id` lines for (e.g. the workspace's host names). */
  configIds: string[];
  /** Ignore `# keepalived-lint ...` comments. */
  noInlineConfig: boolean;
  /** Limits for reading included files. */
  maxIncludeDepth: number;
  maxIncludeFiles: number;
  /** Problems shown per file before the rest are summed up in one diagnostic (0: no limit). */
  maxProblems: number;
}

export function defaultSettings(overrides: Partial<LintSettings> = {}): LintSettings {
  return {
    dialect: 'keepalived',
    keepalivedVersion: DEFAULT_KEEPALIVED_VERSION,
    rules: {},
    configIds: [],
    noInlineConfig: false,
    maxIncludeDepth: 8,
    maxIncludeFiles: 1000,
    maxProblems: DEFAULT_MAX_PROBLEMS,
    ...overrides,
  };
}
