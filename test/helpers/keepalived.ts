// Locates Debian's keepalived for the tests that run the real daemon.
import { execFileSync } from 'node:child_process';

export function keepalivedBinary(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v keepalived'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}
