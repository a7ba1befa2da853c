// Fuzzing the trust boundary in CI: a fixed seed, random trees with nested workspace files and
// symbolic links (see trust-trees.ts). Longer runs: `npm run fuzz`, which mixes these in.
import { describe, expect, it } from 'vitest';
import { checkTrustCase, generateTrustCase, type TrustCase } from './trust-trees.js';

const SEED = 20_261_206;
const CASES = 60;

describe('trust-boundary fuzzing', () => {
  it('catches a leak when the guard is lifted', async () => {
    const leaky: TrustCase = { label: 'lifted', files: { 'keepalived.conf': 'include link.conf\n' }, links: [['$OUTSIDE/secret.conf', 'link.conf']], args: ['--include-outside-root', 'keepalived.conf'] };
    expect(await checkTrustCase(leaky)).toContain('the output holds the secret hunter2secret');
  });

  it(`finds no leak, outside write or crash in ${CASES} random trees`, async () => {
    const failures: string[] = [];
    for (let index = 0; index < CASES; index++) {
      const input = generateTrustCase(SEED, index);
      for (const problem of await checkTrustCase(input)) failures.push(`${input.label}: ${problem} (${JSON.stringify(input)})`);
    }
    expect(failures).toEqual([]);
  });
});
