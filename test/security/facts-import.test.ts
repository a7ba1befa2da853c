// `facts import` on bad and unusual inputs: it edits the workspace file in place, leaving every
// byte it does not change (BOM, CRLF, comments, list spacing), refuses a file that is not UTF-8
// and reads only regular, bounded fact files (no FIFO, device or link out of the directory).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostEntryYaml, hostsFromAnsible } from '../../server/src/analysis/host/host-entry.js';
import { readWorkspaceFile } from '../../server/src/analysis/host/from-workspace.js';
import { collectHostFacts } from '../../server/src/node/facts-collect.js';
import { buildCli, removeTree, tempTree } from '../cli/harness.js';

let cli: string;
const roots: string[] = [];
beforeAll(() => {
  cli = buildCli();
});
afterAll(() => roots.forEach(removeTree));

const ansibleFacts = (hostname: string, address: string) =>
  JSON.stringify({ ansible_facts: { ansible_hostname: hostname, ansible_interfaces: ['eth0'], ansible_eth0: { ipv4: { address, netmask: '255.255.255.0' } } } });

/** A directory with a workspace file and an Ansible fact cache `facts/` holding one host. */
function workspace(text: string | Buffer = 'version: 1\n') {
  const root = tempTree({ 'keepalived-lint.yaml': text, 'facts/lvs-a': ansibleFacts('lvs-a', '10.0.0.5') });
  roots.push(root);
  return { root, yaml: join(root, 'keepalived-lint.yaml'), facts: join(root, 'facts') };
}

/** `facts import --ansible facts` in `root`; a hang ends in the timeout and fails the test. */
const importAnsible = (root: string, ...extra: string[]) =>
  spawnSync(process.execPath, [cli, 'facts', 'import', '--ansible', 'facts', ...extra], { cwd: root, encoding: 'utf8', timeout: 20_000 });

describe('facts import keeps the bytes it does not change', () => {
  it('keeps a BOM, CRLF line endings, comments and the spacing of untouched lists', () => {
    const before = '\uFEFF# LVS pair\r\nversion: 1\r\nhosts:\r\n    lvs-b:\r\n        labels: [ddm_lvs2,edge]   # by hand\r\n        configs: [ b/*.conf ]\r\n    lvs-a:\r\n        configs: [a/keepalived.conf]  # a\r\n        addresses: [10.0.0.9]\r\n# end\r\n';
    const { root, yaml } = workspace(before);
    const run = importAnsible(root);
    expect(run.stderr).toBe('keepalived-lint facts: updated keepalived-lint.yaml\n');
    expect(readFileSync(yaml, 'utf8')).toBe(before.replace('        addresses: [10.0.0.9]\r\n', '        interfaces:\r\n            eth0: [ 10.0.0.5/24 ]\r\n'));
  });

  it('changes only the list that differs, in place, keeping the comment after it', () => {
    const before = 'hosts:\n  lvs-a:\n    interfaces:\n      eth0: [10.0.0.4/24]   # old\n      eth1:\n        - 192.168.0.1/24\n';
    const { root, yaml } = workspace(before);
    importAnsible(root);
    expect(readFileSync(yaml, 'utf8')).toBe('hosts:\n  lvs-a:\n    interfaces:\n      eth0: [ 10.0.0.5/24 ]   # old\n');
    expect(importAnsible(root).stderr).toBe('keepalived-lint facts: keepalived-lint.yaml is up to date\n');
  });

  it('refuses a workspace file that is not UTF-8 and leaves its bytes alone', () => {
    const before = Buffer.from('version: 1\n# caf\xe9 latin-1\nhosts: {}\n', 'latin1');
    const { root, yaml } = workspace(before);
    const run = importAnsible(root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('keepalived-lint.yaml is not valid UTF-8');
    expect(readFileSync(yaml).equals(before)).toBe(true);
  });

  it('refuses a workspace file that is not valid YAML', () => {
    const { root, yaml } = workspace('hosts:\n  lvs-a: [\n');
    const run = importAnsible(root);
    expect([run.status, run.stderr]).toEqual([2, expect.stringContaining('keepalived-lint.yaml: it is not valid YAML')]);
    expect(readFileSync(yaml, 'utf8')).toBe('hosts:\n  lvs-a: [\n');
  });

  it('refuses a read-only workspace file and says so', () => {
    const { root, yaml } = workspace();
    chmodSync(yaml, 0o444);
    const run = importAnsible(root);
    expect(run.stderr).toContain('cannot write keepalived-lint.yaml: it is read-only for you (mode 0444');
    expect(readFileSync(yaml, 'utf8')).toBe('version: 1\n');
  });
});

describe('facts import reads only regular, bounded fact files', () => {
  it('refuses a FIFO in the fact directory instead of waiting on it', () => {
    const { root, facts } = workspace();
    expect(spawnSync('mkfifo', [join(facts, 'lvs-b')]).status).toBe(0);
    const run = importAnsible(root);
    expect([run.status, run.signal]).toEqual([2, null]);
    expect(run.stderr).toContain("lvs-b' is a FIFO, not a regular file");
  });

  it('refuses a link to /dev/zero and a link to a file outside the fact directory', () => {
    const { root, facts } = workspace();
    symlinkSync('/dev/zero', join(facts, 'zero'));
    const zero = importAnsible(root);
    expect([zero.status, zero.signal]).toEqual([2, null]);
    expect(zero.stderr).toContain("zero' is a symbolic link out of the fact directory (to /dev/zero)");
    const outside = workspace();
    writeFileSync(join(outside.root, 'secret.json'), ansibleFacts('lvs-x', '10.0.0.7'));
    symlinkSync('../secret.json', join(outside.facts, 'secret'));
    expect(importAnsible(outside.root).stderr).toContain("secret' is a symbolic link out of the fact directory");
  });

  it('follows a link that stays inside the fact directory and refuses a subdirectory', () => {
    const { root, yaml, facts } = workspace();
    mkdirSync(join(facts, '.by-name'));
    writeFileSync(join(facts, '.by-name', 'b.json'), ansibleFacts('lvs-b', '10.0.0.6'));
    symlinkSync('.by-name/b.json', join(facts, 'lvs-b'));
    expect(importAnsible(root).status).toBe(0);
    expect(readWorkspaceFile(yaml, readFileSync(yaml, 'utf8')).facts.hosts.map((h) => h.name)).toEqual(['lvs-a', 'lvs-b']);
    mkdirSync(join(facts, 'more'));
    expect(importAnsible(root).stderr).toContain("more' is a directory, not a regular file");
  });

  it('refuses a device and an oversized file given to --kubectl', () => {
    const { root } = workspace();
    const device = spawnSync(process.execPath, [cli, 'facts', 'import', '--kubectl', '/dev/zero'], { cwd: root, encoding: 'utf8', timeout: 20_000 });
    expect([device.status, device.stderr]).toEqual([2, expect.stringContaining("'/dev/zero' is a device, not a regular file")]);
    writeFileSync(join(root, 'nodes.json'), '');
    truncateSync(join(root, 'nodes.json'), 17 * 1024 * 1024);
    const big = spawnSync(process.execPath, [cli, 'facts', 'import', '--kubectl', 'nodes.json'], { cwd: root, encoding: 'utf8', timeout: 20_000 });
    expect([big.status, big.stderr]).toEqual([2, expect.stringContaining('nodes.json\' is larger than 16777216 bytes')]);
  });

  it('names a fact file that is not JSON or not an object, and one that is not UTF-8', () => {
    const { root, facts } = workspace();
    writeFileSync(join(facts, 'lvs-n'), 'null');
    expect(importAnsible(root).stderr).toContain('lvs-n: not an Ansible fact file (expected a JSON object)');
    writeFileSync(join(facts, 'lvs-n'), Buffer.from([0x7b, 0xff, 0x7d]));
    expect(importAnsible(root).stderr).toContain("lvs-n' is not valid UTF-8");
  });
});

describe('an interface named __proto__', () => {
  const ipJson = JSON.stringify([
    { ifname: '__proto__', addr_info: [{ local: '10.0.0.1', prefixlen: 24, scope: 'global' }] },
    { ifname: 'eth0', addr_info: [{ local: '10.0.0.2', prefixlen: 24, scope: 'global' }] },
  ]);

  it('is collected like any other interface', () => {
    const { entry } = collectHostFacts((argv) => (argv[0] === 'ip' ? { stdout: ipJson, code: 0 } : { missing: true }), { name: 'h' });
    expect(Object.entries(entry.interfaces!)).toEqual([['__proto__', ['10.0.0.1/24']], ['eth0', ['10.0.0.2/24']]]);
    const workspace = readWorkspaceFile('/ws/keepalived-lint.yaml', hostEntryYaml(entry));
    expect(workspace.facts.hosts[0].interfaces).toEqual(['__proto__', 'eth0']);
  });

  it('is imported from Ansible facts like any other interface', () => {
    const facts = { ansible_interfaces: ['__proto__', 'constructor'], ansible___proto__: { ipv4: { address: '10.0.0.3', prefix: 24 } }, ansible_constructor: { ipv4: { address: '10.0.0.4', prefix: 24 } } };
    const [host] = hostsFromAnsible([{ name: 'h', text: JSON.stringify(facts) }]);
    expect(Object.entries(host.interfaces!)).toEqual([['__proto__', ['10.0.0.3/24']], ['constructor', ['10.0.0.4/24']]]);
  });
});
