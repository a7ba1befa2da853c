// Shared pieces of the security tests: a secret that must never appear in any output, and
// configs that would quote it (or rewrite it) if the linter read a file it must not read.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { removeTree, tempTree } from '../cli/harness.js';

export const SECRET = 'hunter2secret';

/** A config with a keyword the linter quotes ('unknown keyword hunter2secret') and a fixable deprecated one. */
export const SECRET_CONFIG = `virtual_server 10.0.0.100 80 {
    ${SECRET} yes
    lvs_sched wlc
    lvs_method NAT
    protocol TCP
    real_server 10.0.1.11 80 {
        weight 1
        HTTP_GET {
            url {
                path /healthz
                status_code 200
            }
            connect_timeout 3
            nb_get_retry 3
        }
    }
}
`;

/** Temporary trees, removed after the suite. */
export class Trees {
  private readonly roots: string[] = [];
  make(files: Record<string, string> = {}): string {
    const root = tempTree(files);
    this.roots.push(root);
    return root;
  }
  /** A tree outside any lint root that holds the secret config. */
  secret(): string {
    return join(this.make({ 'secret.conf': SECRET_CONFIG }), 'secret.conf');
  }
  link(target: string, path: string): void {
    symlinkSync(target, path);
  }
  removeAll(): void {
    this.roots.forEach(removeTree);
  }
}
