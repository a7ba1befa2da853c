// One run of the CLI: arguments -> files -> settings -> lint (and fix) -> report -> exit code.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { workspaceProblemDiagnostics } from '../analysis/host/workspace-problems.js';
import { SEVERITY_ORDER, type Diagnostic } from '../analysis/types.js';
import { capProblems, diagnosticKey as keyOf, DEFAULT_MAX_PROBLEMS } from '../analysis/cap.js';
import { parseArgs, UsageError, type CliOptions } from './args.js';
import { printable, useColor } from './color.js';
import { cacheable, RunCache, type CachedRun } from './cache.js';
import { ProbedFileHost, ProbeLog, type ReplayContext } from './cache-probes.js';
import { ConfigResolver } from './config.js';
import { discoverFiles } from './discover.js';
import { isKeepalivedConfig } from '../node/config-search.js';
import { decideRoot, rootGuard } from './lint-root.js';
import { EXIT_FATAL, EXIT_OK, EXIT_PROBLEMS, FatalError } from './errors.js';
import { runFacts } from './facts-command.js';
import { runFixes } from './fix-flow.js';
import { format } from './formatters/index.js';
import { HELP } from './help.js';
import { lintAll, type AllResults } from '../node/lint-all.js';
import { readTarget, type LintTarget } from '../node/lint-target.js';
import { IncluderSearch } from '../node/includers.js';
import { lintInContext } from '../node/workspace-model.js';
import { TOOL_NAME, TOOL_VERSION } from './package-info.js';
import { INTERNAL_ERROR, INVALID_WORKSPACE_FILE } from './pseudo-rules.js';
import { buildReport, displayPath } from './report.js';

export interface CliIO {
  cwd: string;
  /** The running program (bin/cli.js), whose content keys the --cache. */
  programFile?: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  readStdin(): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

function exitCode(options: CliOptions, reported: readonly Diagnostic[], fatal: boolean, io: CliIO): number {
  if (fatal) return EXIT_FATAL;
  const threshold = SEVERITY_ORDER[options.failOn];
  if (reported.some((d) => SEVERITY_ORDER[d.severity] >= threshold)) return EXIT_PROBLEMS;
  const warnings = reported.filter((d) => d.severity === 'warning').length;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    // Nothing in the report fails the run by itself, so say what did.
    io.stderr(`${TOOL_NAME}: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings} allows\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

interface Collected {
  diagnostics: Diagnostic[];
  /** Texts of every file a diagnostic may point into. */
  texts: Map<string, string>;
  /** Files to list in the report: everything linted, and workspace files with problems. */
  files: Set<string>;
  crashed: boolean;
}

/** The diagnostics in `reportable` files (and problems of workspace files), each reported once. */
function collect(linted: readonly LintTarget[], all: AllResults, resolver: ConfigResolver, options: CliOptions, reportable: (path: string) => boolean): Collected {
  const unique = new Map<string, Diagnostic>();
  const texts = new Map<string, string>();
  let crashed = false;
  for (const target of linted) {
    const result = all.results.get(target.path)!;
    crashed ||= result.crashed;
    for (const [path, text] of result.texts) if (reportable(path)) texts.set(path, text);
    for (const d of result.diagnostics) if (reportable(d.path)) unique.set(keyOf(d), d);
  }
  const files = new Set(texts.keys());
  for (const d of all.workspaceDiagnostics) {
    if (!reportable(d.path)) continue;
    unique.set(keyOf(d), d);
    files.add(d.path);
    texts.set(d.path, all.texts.get(d.path) ?? '');
  }
  for (const workspace of resolver.workspaces()) {
    const configured = options.rules[INVALID_WORKSPACE_FILE] ?? workspace.workspace.rules[INVALID_WORKSPACE_FILE];
    const diagnostics = workspaceProblemDiagnostics(workspace.workspace, configured);
    if (diagnostics.length > 0) files.add(workspace.path);
    texts.set(workspace.path, workspace.text);
    for (const d of diagnostics) unique.set(keyOf(d), d);
  }
  const diagnostics = [...unique.values()];
  return { diagnostics, texts, files, crashed: crashed || diagnostics.some((d) => d.rule === INTERNAL_ERROR) };
}

function emit(text: string, options: CliOptions, io: CliIO): void {
  if (!options.outputFile) {
    io.stdout(text);
    return;
  }
  const target = resolve(io.cwd, options.outputFile);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  } catch (error) {
    throw new FatalError(`cannot write ${options.outputFile}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The files named on the command line (found again by a cached run's check). */
function findNamed(options: CliOptions, cwd: string, rootDir: string): string[] {
  const paths = discoverFiles(options.patterns, cwd);
  return options.skipNonKeepalived ? paths.filter((path) => isKeepalivedConfig(path, rootDir)) : paths;
}

function replayCached(run: CachedRun, options: CliOptions, io: CliIO): number {
  emit(run.report, options, io);
  if (run.stderr) io.stderr(run.stderr);
  return run.exitCode;
}

async function lintAndReport(options: CliOptions, io: CliIO): Promise<number> {
  const { cwd } = io;
  const root = decideRoot(options, cwd);
  const color = !options.outputFile && useColor(options.color, io.stdoutIsTTY, io.env);
  const cache = cacheable(options) ? new RunCache(root, options, { programFile: io.programFile, cwd, color }) : undefined;
  const replay: ReplayContext = { root, guard: options.includeOutsideRoot ? undefined : rootGuard(root), configNamed: options.configPath !== undefined, named: () => findNamed(options, cwd, root.dir) };
  const hit = cache?.lookup(replay);
  if (hit) return replayCached(hit, options, io);

  const resolver = new ConfigResolver(options, root);
  // Every file, linted or included, is read through this host: inside the root unless allowed.
  const outsideAllowed = resolver.includeOutsideRoot();
  const host = new ProbedFileHost({ root: outsideAllowed ? undefined : rootGuard(root) });
  const probes = new ProbeLog();
  const given = new Map<string, string>();
  let paths: string[];
  if (options.stdin) {
    const path = resolve(cwd, options.stdinFilename);
    given.set(path, await io.readStdin());
    paths = [path];
  } else {
    paths = discoverFiles(options.patterns, cwd);
  }
  // One root for the whole run: includer searches and the keepalived-context check keep inside it.
  const rootOf = () => root.dir;
  const toTarget = (path: string): LintTarget => ({ path, config: resolver.forFile(path) });
  let named = paths.map(toTarget);
  if (options.skipNonKeepalived) named = named.filter((target) => isKeepalivedConfig(target.path, root.dir));
  probes.named(named.map((target) => target.path));
  // Unreadable inputs end the run before any output.
  for (const target of named) readTarget(target.path, host, given);
  const search = new IncluderSearch((listing, configs) => probes.includers(listing, configs));
  const context = lintInContext(named, { host, texts: given, rootOf, toTarget, search });
  const { linted } = context;
  // Problems are reported (and fixed) in the named files, what they include and the workspace
  // files, not in the configs linted only for context.
  const reportable = (path: string) => context.reportedFiles.has(path) || resolver.workspaces().some((workspace) => workspace.path === path);
  const show = (path: string) => displayPath(path, cwd);

  let all = context.all;
  let fatal = false;
  const outputs = new Map<string, string>();
  if (options.fix || options.fixDryRun) {
    const fixed = runFixes({ targets: linted, initial: all, mayEdit: reportable, lint: (group, texts) => lintAll(group, host, texts), host, texts: given, write: options.fix, show, root: rootGuard(root) });
    for (const notice of fixed.notices) io.stderr(`${TOOL_NAME}: ${printable(notice)}\n`);
    fatal = fixed.writeFailed;
    if (fixed.changed.size > 0) all = lintAll(linted, host, fixed.texts);
    if (options.fixDryRun) for (const path of fixed.changed) outputs.set(path, fixed.texts.get(path)!);
  }

  const collected = collect(linted, all, resolver, options, reportable);
  fatal ||= collected.crashed;
  const reported = options.quiet ? collected.diagnostics.filter((d) => d.severity === 'error') : collected.diagnostics;
  // The cap shortens the report only: the exit status counts every problem.
  const maxFor = (path: string) => {
    try {
      return resolver.forFile(path).settings.maxProblems ?? DEFAULT_MAX_PROBLEMS;
    } catch {
      return options.maxProblems ?? DEFAULT_MAX_PROBLEMS; // a file under an unusable workspace file: none of its settings apply
    }
  };
  const report = buildReport({ diagnostics: capProblems(reported, maxFor), texts: collected.texts, files: collected.files, outputs, cwd });
  const text = format(options.format, report, { color, cwd });
  emit(text, options, io);
  let stderr = '';
  const exit = exitCode(options, reported, fatal, { ...io, stderr: (line) => ((stderr += line), io.stderr(line)) });
  // Only a run whose every read the cache can check again: inside the root unless the command
  // line itself allows more (not the workspace file, which the check does not parse).
  const workspaces = resolver.workspaces();
  if (cache && !fatal && !host.unreplayable && outsideAllowed === options.includeOutsideRoot && workspaces.every((w) => w.sha256 !== undefined)) {
    for (const [dir, path] of resolver.workspaceLookups()) probes.workspaceFile(dir, path || undefined);
    for (const workspace of workspaces) probes.read(workspace.path, workspace.sha256!);
    cache.store(probes.finish(host), { report: text, stderr, exitCode: exit });
  }
  return exit;
}

/** Runs the CLI; never throws. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    if (argv[0] === 'facts') return runFacts(argv.slice(1), io);
    const options = parseArgs(argv);
    if (options.help) {
      io.stdout(HELP);
      return EXIT_OK;
    }
    if (options.version) {
      io.stdout(`${TOOL_VERSION}\n`);
      return EXIT_OK;
    }
    return await lintAndReport(options, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${TOOL_NAME}: ${error.message}\nRun '${TOOL_NAME} --help' for usage.\n`);
    } else if (error instanceof FatalError) {
      io.stderr(`${TOOL_NAME}: ${error.message}\n`);
    } else {
      io.stderr(`${TOOL_NAME}: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    }
    return EXIT_FATAL;
  }
}
