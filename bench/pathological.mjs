// Times the CLI on the pathological inputs of the security review (test/security/): each once,
// with its size and how many problems it reports. Printed by `npm run bench`, never asserted.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const DIR = join(ROOT, '.bench', 'pathological');
const CLI = join(ROOT, 'server', 'out', 'cli.js');

const firewall = (rules, vips) => {
  const lines = ['*filter', ':INPUT ACCEPT [0:0]'];
  for (let i = 0; i < rules; i++) lines.push(`-A INPUT -d 172.${16 + ((i >> 16) & 15)}.${(i >> 8) & 255}.${i & 255}/32 -p tcp -m tcp --dport 22 -j ACCEPT`);
  lines.push('-A INPUT -d 10.0.0.0/8 -j DROP', 'COMMIT');
  const yaml = `version: 1\nhosts:\n  lb1:\n    interfaces:\n      eth0: [10.255.0.1/8]\n    configs: [keepalived.conf]\n    firewall: |\n${lines.map((l) => `      ${l}`).join('\n')}\n`;
  const addresses = Array.from({ length: vips }, (_, i) => `        10.1.${i >> 8}.${i & 255}\n`).join('');
  return { 'keepalived-lint.yaml': yaml, 'keepalived.conf': `vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n    priority 150\n    virtual_ipaddress {\n${addresses}    }\n}\n` };
};

const cases = [
  ['50,000 {} on one line', { 'keepalived.conf': `${'{}'.repeat(50_000)}\n` }],
  ['130,000 unknown keywords', { 'keepalived.conf': 'foo_bar\n'.repeat(130_000) }],
  ['one 8.4 MB word', { 'keepalived.conf': `router_id ${'x'.repeat(8_400_000)}\n` }],
  ['40,000 firewall rules x 2,000 VIPs', firewall(40_000, 2000)],
  ['400,000 firewall rules x 2,000 VIPs', firewall(400_000, 2000)],
];

console.log('| pathological input | MB | keepalived-lint (s) | problems (in the json report, --max-problems 0) |');
console.log('|---|---:|---:|---:|');
for (const [name, files] of cases) {
  const dir = join(DIR, name.replace(/\W+/g, '-'));
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const [file, text] of Object.entries(files)) {
    writeFileSync(join(dir, file), text);
    bytes += Buffer.byteLength(text);
  }
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [CLI, '--format', 'json', '--max-problems', '0', 'keepalived.conf'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const problems = run.status === 2 ? `exit 2: ${run.stderr.split('\n')[0]}` : JSON.parse(run.stdout).files.reduce((n, f) => n + f.diagnostics.length, 0);
  console.log(`| ${name} | ${(bytes / 1e6).toFixed(1)} | ${seconds.toFixed(2)} | ${problems} |`);
  rmSync(dir, { recursive: true, force: true });
}
