// `keepalived-lint facts collect`: this host's entry for keepalived-lint.yaml, from the real
// commands. Fixed argument vectors only, never a shell; missing tools are skipped with a note.
import { spawnSync } from 'node:child_process';
import { interfacesFromIpJson, type HostEntry } from '../analysis/host/host-entry.js';

export type CommandResult = { stdout: string; stderr?: string; code: number } | { missing: true };
export type Runner = (argv: readonly string[]) => CommandResult;

export const nodeRunner: Runner = (argv) => {
  const result = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', timeout: 20_000, maxBuffer: 64 * 1024 * 1024, shell: false });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return { missing: true };
  return { stdout: result.stdout ?? '', stderr: result.stderr ?? '', code: result.status ?? 1 };
};

export interface Collected {
  entry: HostEntry;
  /** What was skipped and why, for stderr. */
  notes: string[];
}

export function collectHostFacts(run: Runner, options: { name?: string; labels?: string[] } = {}): Collected {
  const notes: string[] = [];
  /** What a command printed (with `both`, on stdout and stderr), or undefined when it failed. */
  const output = (argv: string[], both = false): string | undefined => {
    const result = run(argv);
    if ('missing' in result) {
      notes.push(`${argv[0]} is not installed: skipped`);
      return undefined;
    }
    if (result.code !== 0) {
      notes.push(`${argv.join(' ')} exited with ${result.code}: skipped`);
      return undefined;
    }
    return both ? `${result.stdout}${result.stderr ?? ''}` : result.stdout;
  };
  const hostname = output(['hostname'])?.trim().split('.')[0];
  const entry: HostEntry = { name: options.name ?? hostname ?? 'localhost' };
  if (options.labels?.length) entry.labels = options.labels;
  const ip = output(['ip', '-json', 'addr', 'show']);
  if (ip !== undefined) {
    try {
      entry.interfaces = interfacesFromIpJson(ip);
    } catch {
      notes.push('ip -json addr show printed something that is not JSON: skipped');
    }
  }
  const firewall = output(['iptables-save']);
  if (firewall?.trim()) entry.firewall = firewall;
  const nftables = output(['nft', 'list', 'ruleset']);
  if (nftables?.trim()) entry.nftables = nftables;
  const ipvs = output(['ipvsadm', '-Ln', '--stats']);
  if (ipvs?.trim()) entry.ipvs = ipvs;
  // keepalived prints "Keepalived v2.2.7 (01/16,2022)" on stderr (older releases on stdout).
  const version = output(['keepalived', '--version'], true);
  const found = version === undefined ? undefined : /^Keepalived v(\d+\.\d+(?:\.\d+)?)/m.exec(version)?.[1];
  if (found) entry.keepalived_version = found;
  else if (version !== undefined) notes.push('keepalived --version printed no version: skipped');
  return { entry, notes };
}
