// The repository as a pre-commit hook repo, through the real pre-commit (Debian's 3.0.x):
// `pre-commit try-repo` builds the node environment from a clone of this repository, runs both
// hooks of .pre-commit-hooks.yaml, and we check the report and the fixed file on disk.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const preCommit = spawnSync('sh', ['-c', 'command -v pre-commit'], { encoding: 'utf8' }).stdout.trim();
if (!preCommit) console.log('pre-commit test: pre-commit is not installed (apt-get install pre-commit; .ci/run installs it)');

describe.runIf(preCommit !== '')('pre-commit hooks', () => {
  const work = mkdtempSync(join(tmpdir(), 'kl-pre-commit-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('reports problems, fixes what is fixable, and passes clean files', () => {
    spawnSync('git', ['init', '-q', work]);
    mkdirSync(join(work, 'lb1'));
    cpSync(join(ROOT, 'examples', 'clean', 'lb1', 'keepalived.conf'), join(work, 'lb1', 'keepalived.conf'));
    writeFileSync(join(work, 'edge.keepalived.conf'), 'vrrp_instance VI_1 {\n    stat BACKUP\n    interface eth0\n    virtual_router_id 51\n    virtual_ipaddress {\n        10.0.0.1/24\n    }\n}\n');
    writeFileSync(join(work, 'README.conf'), 'not a keepalived file, and not matched by the hooks {\n');
    spawnSync('git', ['add', '.'], { cwd: work }); // as in a real commit: the hook sees staged files
    const run = spawnSync(preCommit, ['try-repo', ROOT, '--files', 'edge.keepalived.conf', 'lb1/keepalived.conf', 'README.conf'], {
      cwd: work, encoding: 'utf8', timeout: 300_000, env: { ...process.env, PRE_COMMIT_HOME: join(work, '.cache') },
    });
    const output = run.stdout + run.stderr;
    expect(run.status, output).toBe(1);
    expect(output).toMatch(/keepalived-lint\.+Failed/);
    expect(output).toMatch(/edge\.keepalived\.conf\n\s+2:5\s+error\s+unknown-keyword\s+unknown keyword 'stat' in 'vrrp_instance VI_1'; did you mean 'state'\?/);
    expect(output).not.toContain('lb1/keepalived.conf');
    expect(output).not.toContain('README.conf');
    expect(output).toMatch(/keepalived-lint \(fix\)\.+Failed[\s\S]*files were modified by this hook/);
    expect(readFileSync(join(work, 'edge.keepalived.conf'), 'utf8')).toContain('    state BACKUP\n');
  }, 360_000);
});
