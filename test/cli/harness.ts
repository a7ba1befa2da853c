// Runs the bundled CLI as a child process against temporary directories.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

export const ROOT = join(__dirname, '..', '..');
const PACKAGE_VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

/** The bundled CLI, built once by test/global-setup.ts. */
export function buildCli(): string {
  const cli = join(ROOT, 'server', 'out', 'cli.js');
  const version = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
  if (version.status !== 0 || version.stdout.trim() !== PACKAGE_VERSION) throw new Error(`the bundled CLI does not run: ${version.stderr}`);
  return cli;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  input?: string;
  env?: Record<string, string>;
}

export function runCli(cli: string, args: string[], options: RunOptions): CliRun {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary directory filled with `files` (relative path -> content). */
export function tempTree(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'kl-cli-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export const removeTree = (root: string) => rmSync(root, { recursive: true, force: true });

/** Makes temporary trees like tempTree, and removes them all after the test file. */
export function treesRemovedAfterAll(): (files: Record<string, string | Buffer>) => string {
  const roots: string[] = [];
  afterAll(() => roots.forEach(removeTree));
  return (files) => {
    const root = tempTree(files);
    roots.push(root);
    return root;
  };
}

interface JsonFix {
  title: string;
  edits: Array<{ path: string; line: number; column: number; endLine: number; endColumn: number; text: string }>;
}

export interface JsonOutput {
  version: number;
  files: Array<{
    path: string;
    output?: string;
    diagnostics: Array<{
      rule: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number;
      fix?: JsonFix;
      suggestions?: JsonFix[];
    }>;
  }>;
}

/** Rule ids reported per file path, from --format json output. */
export function rulesByFile(output: JsonOutput): Record<string, string[]> {
  return Object.fromEntries(output.files.map((f) => [f.path, f.diagnostics.map((d) => d.rule)]));
}

/** A config without problems. */
export const CLEAN_CONFIG = `global_defs {
    router_id lb1
}

vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
    advert_int 1
    virtual_ipaddress {
        10.0.0.10/24
    }
}
`;
