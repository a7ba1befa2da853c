// `keepalived-lint facts collect | import`: host entries for keepalived-lint.yaml from real
// sources. collect prints this host's entry; import merges hosts into a workspace file,
// keeping its comments.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hostEntryYaml, hostsFromAnsible, hostsFromKubectl, mergeHosts, type HostEntry } from '../analysis/host/host-entry.js';
import { writeFileAtomic } from '../node/atomic-write.js';
import { readFileSnapshot } from '../node/file-host.js';
import { collectHostFacts, nodeRunner, type Runner } from '../node/facts-collect.js';
import { UsageError } from './args.js';
import { EXIT_OK, FatalError } from './errors.js';
import type { CliIO } from './run.js';

export const FACTS_HELP = `Usage: keepalived-lint facts collect [--name NAME] [--label LABEL ...]
       keepalived-lint facts import (--kubectl NODES.json | --ansible FACT_CACHE_DIR) [--workspace PATH] [--dry-run]

collect  prints this host's entry for keepalived-lint.yaml, from ip -json addr show, hostname,
         iptables-save and ipvsadm -Ln --stats (tools that are missing are skipped with a note).
import   merges hosts into the workspace file (default ./keepalived-lint.yaml), keeping its
         comments: labels and InternalIP addresses from 'kubectl get nodes -o json', or interfaces
         from an Ansible fact cache ('ansible -m setup --tree DIR'). --dry-run prints the result.
`;

interface FactsOptions {
  verb: 'collect' | 'import';
  name?: string;
  labels: string[];
  kubectl?: string;
  ansible?: string;
  workspace: string;
  dryRun: boolean;
}

function parseFactsArgs(argv: readonly string[]): FactsOptions {
  const verb = argv[0];
  if (verb !== 'collect' && verb !== 'import') throw new UsageError(`facts: expected 'collect' or 'import', got '${verb ?? ''}'`);
  const options: FactsOptions = { verb, labels: [], workspace: 'keepalived-lint.yaml', dryRun: false };
  for (let i = 1; i < argv.length; i++) {
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`facts: ${argv[i - 1]} needs a value`);
      return v;
    };
    switch (argv[i]) {
      case '--name': options.name = value(); break;
      case '--label': options.labels.push(value()); break;
      case '--kubectl': options.kubectl = value(); break;
      case '--ansible': options.ansible = value(); break;
      case '--workspace': options.workspace = value(); break;
      case '--dry-run': options.dryRun = true; break;
      default: throw new UsageError(`facts: unknown option '${argv[i]}'`);
    }
  }
  if (verb === 'import' && !options.kubectl === !options.ansible) throw new UsageError('facts import: give exactly one of --kubectl or --ansible');
  return options;
}

function importedHosts(options: FactsOptions, cwd: string): HostEntry[] {
  try {
    if (options.kubectl) return hostsFromKubectl(readFileSync(resolve(cwd, options.kubectl), 'utf8'));
    const dir = resolve(cwd, options.ansible!);
    const files = readdirSync(dir).filter((f) => !f.startsWith('.')).sort().map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
    return hostsFromAnsible(files);
  } catch (error) {
    throw new FatalError(`facts import: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function runFacts(argv: readonly string[], io: CliIO, run: Runner = nodeRunner): number {
  if (argv.includes('--help') || argv.length === 0) {
    io.stdout(FACTS_HELP);
    return EXIT_OK;
  }
  const options = parseFactsArgs(argv);
  if (options.verb === 'collect') {
    const { entry, notes } = collectHostFacts(run, { name: options.name, labels: options.labels });
    for (const note of notes) io.stderr(`keepalived-lint facts: ${note}\n`);
    io.stdout(hostEntryYaml(entry));
    return EXIT_OK;
  }
  const path = resolve(io.cwd, options.workspace);
  const existing = readFileSnapshot(path, 8 * 1024 * 1024);
  const snapshot = 'snapshot' in existing ? existing.snapshot : undefined;
  const merged = mergeHosts(snapshot?.text ?? '', importedHosts(options, io.cwd));
  if (options.dryRun) {
    io.stdout(merged);
    return EXIT_OK;
  }
  if (snapshot) {
    const written = writeFileAtomic(path, merged, snapshot);
    if (!written.written) throw new FatalError(`facts import: cannot write ${options.workspace}: ${written.reason}`);
  } else {
    try {
      writeFileSync(path, merged, { flag: 'wx' });
    } catch (error) {
      throw new FatalError(`facts import: cannot create ${options.workspace}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  io.stderr(`keepalived-lint facts: ${snapshot ? 'updated' : 'created'} ${options.workspace}\n`);
  return EXIT_OK;
}
