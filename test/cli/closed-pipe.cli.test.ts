// `keepalived-lint ... | head`: the reader closes the pipe before the report ends.
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, treesRemovedAfterAll } from './harness.js';

let cli: string;
const tree = treesRemovedAfterAll();
beforeAll(() => {
  cli = buildCli();
});

describe('a closed output pipe', () => {
  it('stops quietly with status 141 instead of a stack trace', async () => {
    // 5,000 unknown keywords (about 600 KB): far more output than one pipe buffer.
    const root = tree({ 'keepalived.conf': 'bogus_keyword 1\n'.repeat(5_000) });
    const child = spawn(process.execPath, [cli, '--max-problems', '0', 'keepalived.conf'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(141);
  });
});
