// `keepalived-lint facts collect | import`: host entries from real sources.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkspaceFile } from '../../server/src/analysis/host/from-workspace.js';
import { hostsFromAnsible, hostsFromKubectl, interfacesFromIpJson } from '../../server/src/analysis/host/host-entry.js';
import { mergeHosts } from '../../server/src/analysis/host/workspace-edit.js';
import { collectHostFacts, type Runner } from '../../server/src/node/facts-collect.js';
import { parseIp } from '../../server/src/analysis/net/ip.js';
import { ROOT } from './harness.js';

const CLI = join(ROOT, 'server', 'out', 'cli.js');

const IP_JSON = JSON.stringify([
  { ifname: 'lo', addr_info: [{ family: 'inet', local: '127.0.0.1', prefixlen: 8, scope: 'host' }] },
  { ifname: 'bond0', addr_info: [{ family: 'inet', local: '10.186.87.105', prefixlen: 23, scope: 'global' }, { family: 'inet6', local: 'fe80::1', prefixlen: 64, scope: 'link' }] },
]);

describe('facts collect', () => {
  it('builds the entry from fixed commands and skips missing tools with a note', () => {
    const calls: string[][] = [];
    const run: Runner = (argv) => {
      calls.push([...argv]);
      if (argv[0] === 'hostname') return { stdout: 'lvs-a.example.net\n', code: 0 };
      if (argv[0] === 'ip') return { stdout: IP_JSON, code: 0 };
      if (argv[0] === 'iptables-save') return { stdout: '*raw\n-A PREROUTING -d 10.0.0.1/32 -j DROP\nCOMMIT\n', code: 0 };
      return { missing: true };
    };
    const { entry, notes } = collectHostFacts(run, { labels: ['ddm_lvs1'] });
    expect(calls).toEqual([['hostname'], ['ip', '-json', 'addr', 'show'], ['iptables-save'], ['nft', 'list', 'ruleset'], ['ipvsadm', '-Ln', '--stats'], ['keepalived', '--version']]);
    expect(entry).toEqual({ name: 'lvs-a', labels: ['ddm_lvs1'], interfaces: { bond0: ['10.186.87.105/23'] }, firewall: '*raw\n-A PREROUTING -d 10.0.0.1/32 -j DROP\nCOMMIT\n' });
    expect(notes).toEqual(['nft is not installed: skipped', 'ipvsadm is not installed: skipped', 'keepalived is not installed: skipped']);
  });

  it('reads the keepalived version from stderr (2.x) or stdout (1.x), and notes output without one', () => {
    const version = (result: { stdout: string; stderr?: string; code: number }) =>
      collectHostFacts((argv) => (argv[0] === 'keepalived' ? result : { missing: true }), { name: 'lb1' });
    expect(version({ stdout: '', stderr: 'Keepalived v2.2.7 (01/16,2022)\n\nCopyright(C) 2001-2022 Alexandre Cassen\n', code: 0 }).entry.keepalived_version).toBe('2.2.7');
    expect(version({ stdout: 'Keepalived v1.3.5 (03/19,2017), git commit v1.3.5-6-g6fa32f2\n', code: 0 }).entry.keepalived_version).toBe('1.3.5');
    const garbled = version({ stdout: 'usage: keepalived [OPTION...]\n', code: 0 });
    expect([garbled.entry.keepalived_version, garbled.notes.at(-1)]).toEqual([undefined, 'keepalived --version printed no version: skipped']);
  });

  it('records nft list ruleset and keepalived --version from binaries on PATH, and the entry reads back as facts', () => {
    const bin = mkdtempSync(join(tmpdir(), 'kl-nft-'));
    const ruleset = 'table inet filter {\n\tchain input {\n\t\ttype filter hook input priority filter; policy drop;\n\t\tip saddr 10.0.0.2 ip protocol vrrp accept\n\t}\n}\n';
    // A fake nft that prints the ruleset only for `nft list ruleset`, as the real one does.
    writeFileSync(join(bin, 'ruleset.txt'), ruleset);
    writeFileSync(join(bin, 'nft'), `#!/bin/sh\n[ "$*" = "list ruleset" ] || exit 1\ncat '${join(bin, 'ruleset.txt')}'\n`, { mode: 0o755 });
    // A fake keepalived that, like keepalived 2.x, prints its version on stderr.
    writeFileSync(join(bin, 'keepalived'), '#!/bin/sh\n[ "$*" = "--version" ] || exit 1\necho "Keepalived v2.0.19 (10/19,2019)" >&2\necho >&2\necho "Copyright(C) 2001-2019 Alexandre Cassen" >&2\n', { mode: 0o755 });
    const result = spawnSync(process.execPath, [CLI, 'facts', 'collect', '--name', 'lb1'], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('nftables: |');
    expect(result.stdout).toContain('keepalived_version: 2.0.19');
    const workspace = readWorkspaceFile('/ws/keepalived-lint.yaml', `version: 1\n${result.stdout}`);
    expect(workspace.problems).toEqual([]);
    const host = workspace.facts.hosts[0];
    expect(host.keepalivedVersion?.version).toBe('2.0.19');
    const decision = host.inbound!({ family: 4, saddr: parseIp('10.0.0.3'), daddr: parseIp('224.0.0.18')!, protocol: 'vrrp', iif: 'eth0' });
    expect([decision.drop?.action, decision.drop?.chain, decision.nearMisses[0]?.rule.text]).toEqual(['policy drop', 'input', 'ip saddr 10.0.0.2 ip protocol vrrp accept']);
  });

  it('runs on this machine and prints an entry that validates as a workspace file', () => {
    const result = spawnSync(process.execPath, [CLI, 'facts', 'collect', '--name', 'here', '--label', 'lb'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const workspace = readWorkspaceFile('/ws/keepalived-lint.yaml', `version: 1\n${result.stdout}`);
    expect(workspace.problems).toEqual([]);
    expect(workspace.facts.hosts.map((h) => [h.name, h.labels])).toEqual([['here', ['lb']]]);
  });
});

describe('facts import', () => {
  it('reads kubectl nodes: plain labels, key=value labels and InternalIPs', () => {
    const nodes = { items: [{ metadata: { name: 'node-1', labels: { ddm_lvs1: '', 'kubernetes.io/os': 'linux' } }, status: { addresses: [{ type: 'InternalIP', address: '10.186.87.105' }, { type: 'Hostname', address: 'node-1' }] } }] };
    expect(hostsFromKubectl(JSON.stringify(nodes))).toEqual([{ name: 'node-1', labels: ['ddm_lvs1', 'kubernetes.io/os=linux'], addresses: ['10.186.87.105'] }]);
  });

  it('reads an Ansible fact cache with netmasks and prefixes', () => {
    const facts = { ansible_facts: { ansible_hostname: 'lvs-b', ansible_interfaces: ['lo', 'eth0'], ansible_eth0: { ipv4: { address: '10.186.87.106', netmask: '255.255.254.0' }, ipv6: [{ address: 'fe80::2', prefix: '64', scope: 'link' }] } } };
    expect(hostsFromAnsible([{ name: 'lvs-b', text: JSON.stringify(facts) }])).toEqual([{ name: 'lvs-b', interfaces: { eth0: ['10.186.87.106/23'] } }]);
  });

  it('merges hosts into a workspace file and keeps its comments and other keys', () => {
    const before = '# our LVS pair\nversion: 1\nhosts:\n  lvs-a:\n    # where it runs\n    configs: [lvs-a/keepalived.conf]\n    addresses: [10.0.0.1]\n';
    const merged = mergeHosts(before, [{ name: 'lvs-a', interfaces: interfacesFromIpJson(IP_JSON) }, { name: 'lvs-b', labels: ['ddm_lvs2'], addresses: ['10.186.87.106'] }]);
    const after = 'text' in merged ? merged.text : merged.problem;
    expect(after).toBe('# our LVS pair\nversion: 1\nhosts:\n  lvs-a:\n    # where it runs\n    configs: [lvs-a/keepalived.conf]\n    interfaces:\n      bond0: [ 10.186.87.105/23 ]\n  lvs-b:\n    labels: [ ddm_lvs2 ]\n    addresses: [ 10.186.87.106 ]\n');
    const workspace = readWorkspaceFile('/ws/keepalived-lint.yaml', after);
    expect(workspace.problems).toEqual([]);
    expect(workspace.facts.hosts.map((h) => [h.name, h.addresses.map((a) => a.address.text)])).toEqual([['lvs-a', ['10.186.87.105']], ['lvs-b', ['10.186.87.106']]]);
  });

  it('writes a flow-style or empty hosts mapping out whole, keeping the other keys of its hosts', () => {
    const b = { name: 'lvs-b', labels: ['ddm_lvs2'], addresses: ['10.186.87.106'] };
    const text = (before: string) => {
      const merged = mergeHosts(before, [b]);
      return 'text' in merged ? merged.text : merged.problem;
    };
    expect(text('hosts: {lvs-b: {configs: [x]}, a: {}}  # flow\n')).toBe('hosts: { lvs-b: { configs: [ x ], labels: [ ddm_lvs2 ], addresses: [ 10.186.87.106 ] }, a: {} }  # flow\n');
    expect(text('version: 1\nhosts:\n# end')).toBe('version: 1\nhosts:\n  lvs-b:\n    labels: [ ddm_lvs2 ]\n    addresses: [ 10.186.87.106 ]\n# end');
    expect(text('# nothing yet')).toBe('# nothing yet\nhosts:\n  lvs-b:\n    labels: [ ddm_lvs2 ]\n    addresses: [ 10.186.87.106 ]');
    expect(text('- a list')).toBe('its top level is not a block mapping');
    expect(text('hosts:\n  lvs-b: 5\n')).toBe("its host 'lvs-b' is not a mapping");
  });

  it('writes the merged file from the command line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kl-facts-'));
    const nodes = join(dir, 'nodes.json');
    writeFileSync(nodes, JSON.stringify({ items: [{ metadata: { name: 'lvs-a', labels: { ddm_lvs1: 'true' } }, status: { addresses: [{ type: 'InternalIP', address: '10.186.87.105' }] } }] }));
    writeFileSync(join(dir, 'keepalived-lint.yaml'), '# keep me\nversion: 1\n');
    mkdirSync(join(dir, 'sub'));
    const result = spawnSync(process.execPath, [CLI, 'facts', 'import', '--kubectl', nodes], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const text = readFileSync(join(dir, 'keepalived-lint.yaml'), 'utf8');
    expect(text).toContain('# keep me');
    expect(text).toContain('lvs-a:');
    expect(spawnSync(process.execPath, [CLI, 'facts', 'import'], { cwd: dir }).status).toBe(2);
  });
});
