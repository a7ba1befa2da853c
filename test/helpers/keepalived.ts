// Locates Debian's keepalived for the tests that run the real daemon.
import { execFileSync } from 'node:child_process';

export function keepalivedBinary(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v keepalived'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export interface KeepalivedCheck {
  exit: number;
  /** Output lines, in order, with `(FILE: Line N)` shortened to `(Line N)` as in the corpus manifest. */
  messages: string[];
}

let canSandbox: boolean | undefined;

/** Whether `unshare -n` works here (root, or user namespaces allowed). */
export function sandboxAvailable(): boolean {
  if (canSandbox === undefined) {
    try {
      execFileSync('unshare', ['-n', 'true'], { stdio: 'ignore' });
      canSandbox = true;
    } catch {
      canSandbox = false;
    }
  }
  return canSandbox;
}

/**
 * `keepalived -t -f FILE` in a private network namespace where each of `interfaces` exists
 * (as a tap device), like the corpus oracle's sandbox: the host's interfaces do not matter.
 * Without namespaces it runs on the host.
 */
export async function checkSandboxed(binary: string, file: string, interfaces: readonly string[]): Promise<KeepalivedCheck> {
  const { execFile } = await import('node:child_process');
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const setup = ['ip link set lo up', ...interfaces.filter((i) => /^[A-Za-z0-9_.-]{1,15}$/.test(i) && i !== 'lo').map((i) => `ip tuntap add dev ${quote(i)} mode tap && ip link set ${quote(i)} up`)];
  const check = `exec timeout 10 ${quote(binary)} -t -f ${quote(file)} -l -D -n`;
  const [command, args] = sandboxAvailable() ? ['unshare', ['-n', 'sh', '-c', `${setup.join(' 2>/dev/null; ')} 2>/dev/null; ${check}`]] : ['sh', ['-c', check]];
  return new Promise((resolve) => {
    execFile(command, args as string[], { encoding: 'utf8' }, (error, stdout, stderr) => {
      const exit = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      const messages = `${stdout}${stderr}`.split('\n').map((l) => l.replace(/\([^()]*?: (Line \d+)\)/, '($1)').split(file).join('FILE').trim()).filter(Boolean);
      resolve({ exit, messages });
    });
  });
}
