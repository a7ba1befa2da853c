// Command-line parsing: a small table-driven parser (`--name value`, `--name=value`,
// `-f value`, `--` ends the options). Anything it does not know is a usage error.
import { DIALECTS, type Dialect } from '../../../grammar/keywords/index.js';
import { ruleIds } from '../analysis/rules/index.js';
import type { SeveritySetting } from '../analysis/types.js';
import { FORMAT_NAMES, type FormatName } from './formatters/index.js';
import { INVALID_WORKSPACE_FILE } from './pseudo-rules.js';

export type FailOn = 'error' | 'warning' | 'info' | 'hint';

export interface CliOptions {
  patterns: string[];
  format: FormatName;
  outputFile?: string;
  fix: boolean;
  fixDryRun: boolean;
  stdin: boolean;
  stdinFilename: string;
  dialect?: Dialect;
  keepalivedVersion?: string;
  configPath?: string;
  noConfig: boolean;
  rules: Record<string, SeveritySetting>;
  /** -1: no limit. */
  maxWarnings: number;
  /** Problems shown per file (0: no limit); the workspace file's or the default when unset. */
  maxProblems?: number;
  quiet: boolean;
  failOn: FailOn;
  noInlineConfig: boolean;
  /** Read included files outside the lint root (the workspace file's directory, or the current one). */
  includeOutsideRoot: boolean;
  configIds: string[];
  /** Drop named files that the directory search would not take for keepalived configs. */
  skipNonKeepalived: boolean;
  color: boolean;
  /** Print the report of an identical earlier run when nothing it read changed (.keepalived-lint-cache). */
  cache: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

interface OptionSpec {
  name: string;
  short?: string;
  value: boolean;
  apply(options: CliOptions, value: string): void;
}

const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'hint'];
const knownRules = new Set([...ruleIds, INVALID_WORKSPACE_FILE]);

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got '${value}')`);
  return value as T;
}

function ruleSetting(options: CliOptions, value: string): void {
  for (const entry of value.split(',')) {
    const match = /^\s*([a-z0-9-]+)\s*[=:]\s*([a-z]+)\s*$/.exec(entry);
    if (!match) throw new UsageError(`--rule expects id=severity (got '${entry}')`);
    const [, id, severity] = match;
    if (!knownRules.has(id)) throw new UsageError(`--rule: unknown rule '${id}'`);
    options.rules[id] = oneOf('rule', severity, SEVERITIES) as SeveritySetting;
  }
}

const SPECS: OptionSpec[] = [
  { name: 'format', short: 'f', value: true, apply: (o, v) => (o.format = oneOf('format', v, FORMAT_NAMES)) },
  { name: 'output-file', short: 'o', value: true, apply: (o, v) => (o.outputFile = v) },
  { name: 'fix', value: false, apply: (o) => (o.fix = true) },
  { name: 'fix-dry-run', value: false, apply: (o) => (o.fixDryRun = true) },
  { name: 'stdin', value: false, apply: (o) => (o.stdin = true) },
  { name: 'stdin-filename', value: true, apply: (o, v) => (o.stdinFilename = v) },
  { name: 'dialect', value: true, apply: (o, v) => (o.dialect = oneOf('dialect', v, DIALECTS)) },
  {
    name: 'keepalived-version', value: true, apply: (o, v) => {
      if (!/^\d+\.\d+(\.\d+)?$/.test(v)) throw new UsageError(`--keepalived-version expects a version like 2.2.7 (got '${v}')`);
      o.keepalivedVersion = v;
    },
  },
  { name: 'config', short: 'c', value: true, apply: (o, v) => (o.configPath = v) },
  { name: 'no-config', value: false, apply: (o) => (o.noConfig = true) },
  { name: 'rule', value: true, apply: ruleSetting },
  {
    name: 'max-warnings', value: true, apply: (o, v) => {
      if (!/^-?\d+$/.test(v) || Number(v) < -1) throw new UsageError(`--max-warnings expects a number >= 0 (got '${v}')`);
      o.maxWarnings = Number(v);
    },
  },
  {
    name: 'max-problems', value: true, apply: (o, v) => {
      if (!/^\d+$/.test(v)) throw new UsageError(`--max-problems expects a number >= 0 (got '${v}')`);
      o.maxProblems = Number(v);
    },
  },
  { name: 'quiet', short: 'q', value: false, apply: (o) => (o.quiet = true) },
  { name: 'fail-on', value: true, apply: (o, v) => (o.failOn = oneOf('fail-on', v, FAIL_ON)) },
  { name: 'no-inline-config', value: false, apply: (o) => (o.noInlineConfig = true) },
  { name: 'include-outside-root', value: false, apply: (o) => (o.includeOutsideRoot = true) },
  {
    name: 'config-id', value: true, apply: (o, v) => {
      if (v === '' || /\s/.test(v)) throw new UsageError(`--config-id expects a config id without spaces (got '${v}')`);
      o.configIds.push(v);
    },
  },
  { name: 'skip-non-keepalived', value: false, apply: (o) => (o.skipNonKeepalived = true) },
  { name: 'no-color', value: false, apply: (o) => (o.color = false) },
  { name: 'cache', value: false, apply: (o) => (o.cache = true) },
  { name: 'help', short: 'h', value: false, apply: (o) => (o.help = true) },
  { name: 'version', short: 'v', value: false, apply: (o) => (o.version = true) },
];

export function defaultOptions(): CliOptions {
  return {
    patterns: [], format: 'stylish', fix: false, fixDryRun: false, stdin: false, stdinFilename: 'keepalived.conf',
    noConfig: false, rules: {}, maxWarnings: -1, quiet: false, failOn: 'error', noInlineConfig: false, includeOutsideRoot: false, configIds: [], skipNonKeepalived: false,
    color: true, cache: false, help: false, version: false,
  };
}

function checkCombinations(options: CliOptions): void {
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  if (options.fix && options.stdin) throw new UsageError('--fix cannot write to stdin; use --fix-dry-run --format json to get the fixed text');
  if (options.stdin && options.patterns.length > 0) throw new UsageError('--stdin reads one file from stdin; do not name files as well');
  if (options.configPath !== undefined && options.noConfig) throw new UsageError('--config and --no-config cannot be used together');
}

/** Parses argv (without `node` and the script). Throws UsageError. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options = defaultOptions();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.patterns.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-') {
      // The usual name for stdin.
      options.stdin = true;
      continue;
    }
    if (!arg.startsWith('-')) {
      options.patterns.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const eq = long ? arg.indexOf('=') : -1;
    const name = long ? arg.slice(2, eq < 0 ? undefined : eq) : arg.slice(1, 2);
    const spec = SPECS.find((s) => (long ? s.name === name : s.short === name));
    if (!spec) throw new UsageError(`unknown option '${long ? `--${name}` : `-${name}`}'`);
    let value: string | undefined = long ? (eq < 0 ? undefined : arg.slice(eq + 1)) : arg.length > 2 ? arg.slice(2) : undefined;
    if (!spec.value) {
      if (value !== undefined) throw new UsageError(`option '--${spec.name}' takes no value`);
      spec.apply(options, '');
      continue;
    }
    if (value === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`option '--${spec.name}' needs a value`);
      value = argv[++i];
    }
    spec.apply(options, value);
  }
  checkCombinations(options);
  return options;
}
