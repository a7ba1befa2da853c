// `keepalived-lint facts collect | import`: host entries for keepalived-lint.yaml from real
// sources. collect prints this host's entry; import edits the hosts of a workspace file in
// place, leaving every byte it does not change as it was.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hostEntryYaml, hostsFromAnsible, hostsFromKubectl, type HostEntry } from '../analysis/host/host-entry.js';
import { mergeHosts } from '../analysis/host/workspace-edit.js';
import { writeFileAtomic } from '../node/atomic-write.js';
import { collectHostFacts, nodeRunner, type Runner } from '../node/facts-collect.js';
import { readFactDirectory, readFactFile } from '../node/facts-input.js';
import { readFileSnapshot, type FileSnapshot } from '../node/file-host.js';
import { UsageError } from './args.js';
import { EXIT_OK, FatalError } from './errors.js';
import type { CliIO } from './run.js';

export const FACTS_HELP = `Usage: keepalived-lint facts collect [--name NAME] [--label LABEL ...]
       keepalived-lint facts import (--kubectl NODES.json | --ansible FACT_CACHE_DIR) [--workspace PATH] [--dry-run]

collect  prints this host's entry for keepalived-lint.yaml, from ip -json addr show, hostname,
         iptables-save and ipvsadm -Ln --stats (tools that are missing are skipped with a note).
import   merges hosts into the workspace file (default ./keepalived-lint.yaml), changing only the
         host values that differ (comments, line endings and untouched lists stay as they are):
         labels and InternalIP addresses from 'kubectl get nodes -o json' saved to a file, or
         interfaces from an Ansible fact cache ('ansible -m setup --tree DIR'). Inputs must be
         regular UTF-8 files. --dry-run prints the result.
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
    if (options.kubectl) return hostsFromKubectl(readFactFile(resolve(cwd, options.kubectl)).text);
    return hostsFromAnsible(readFactDirectory(resolve(cwd, options.ansible!)));
  } catch (error) {
    throw new FatalError(`facts import: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The workspace file as it is now, or undefined when there is none yet. */
function currentWorkspace(path: string, shown: string): FileSnapshot | undefined {
  const answer = readFileSnapshot(path, 8 * 1024 * 1024);
  if ('problem' in answer) {
    if (answer.problem.kind === 'not-found') return undefined;
    throw new FatalError(`facts import: ${answer.problem.message}`);
  }
  // Decoding replaced the invalid bytes: writing the text back would change them.
  if (!answer.snapshot.validUtf8) throw new FatalError(`facts import: ${shown} is not valid UTF-8; convert it to UTF-8 first (nothing written)`);
  return answer.snapshot;
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
  const snapshot = currentWorkspace(path, options.workspace);
  const merged = mergeHosts(snapshot?.text ?? '', importedHosts(options, io.cwd));
  if ('problem' in merged) throw new FatalError(`facts import: ${options.workspace}: ${merged.problem} (nothing written)`);
  if (options.dryRun) {
    io.stdout(merged.text);
    return EXIT_OK;
  }
  if (snapshot?.text === merged.text) {
    io.stderr(`keepalived-lint facts: ${options.workspace} is up to date\n`);
    return EXIT_OK;
  }
  if (snapshot) {
    const written = writeFileAtomic(path, merged.text, snapshot);
    if (!written.written) throw new FatalError(`facts import: cannot write ${options.workspace}: ${written.reason}`);
  } else {
    try {
      writeFileSync(path, merged.text, { flag: 'wx' });
    } catch (error) {
      throw new FatalError(`facts import: cannot create ${options.workspace}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  io.stderr(`keepalived-lint facts: ${snapshot ? 'updated' : 'created'} ${options.workspace}\n`);
  return EXIT_OK;
}
