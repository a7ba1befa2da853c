// --cache: a second run over unchanged files prints the first run's report from
// .keepalived-lint-cache; any change to what the run read (an included file, the workspace
// file's facts or settings, a new file an include glob matches, the options) lints again, and
// a corrupt cache or one that points outside the lint root is not trusted.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCli, runCli, treesRemovedAfterAll, type JsonOutput } from './harness.js';

const cli = buildCli();
const tree = treesRemovedAfterAll();
const CACHE = '.keepalived-lint-cache';

const yaml = (address: string, rules = '') => `version: 1
${rules}hosts:
  lb1:
    interfaces:
      eth0: [${address}]
    configs: [lb1/keepalived.conf]
`;

const MAIN = `global_defs {
    router_id lb1
}
vrrp_instance VI_WEB {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    advert_int 1
    virtual_ipaddress {
        192.168.10.100/24 dev eth0
    }
}
include conf.d/*.conf
`;

const SERVICE = (port: number, extra = '') => `virtual_server 192.168.10.100 ${port} {
    lvs_sched wlc
    lvs_method DR
    protocol TCP
${extra}    real_server 192.168.10.21 ${port} {
        weight 1
    }
}
`;

const workspace = () => tree({
  'keepalived-lint.yaml': yaml('192.168.10.11/24'),
  'lb1/keepalived.conf': MAIN,
  'lb1/conf.d/web.conf': SERVICE(80),
});

const lint = (root: string, ...args: string[]) => runCli(cli, ['--cache', '-f', 'json', ...args, '.'], { cwd: root });
const findings = (stdout: string) => (JSON.parse(stdout) as JsonOutput).files.flatMap((f) => f.diagnostics.map((d) => `${f.path}:${d.line} ${d.rule}`)).sort();

/** Replaces the cached report with a marker, so a run that prints the marker came from the cache. */
function markCachedReport(root: string): string {
  const file = JSON.parse(readFileSync(join(root, CACHE), 'utf8'));
  const marker = JSON.stringify({ files: [{ path: 'from-the-cache', diagnostics: [] }] });
  for (const entry of file.entries) entry.run.report = marker;
  writeFileSync(join(root, CACHE), JSON.stringify(file));
  return marker;
}

describe('--cache', () => {
  it('prints the same report and exit code when nothing changed, from the cache', () => {
    const root = workspace();
    const first = lint(root);
    expect(first.status).toBe(0);
    const second = lint(root);
    expect(second).toEqual(first);
    const marker = markCachedReport(root);
    expect(lint(root).stdout).toBe(marker);
    // Without --cache the cache is neither read nor trusted.
    expect(runCli(cli, ['-f', 'json', '.'], { cwd: root }).stdout).toBe(first.stdout);
  });

  it('keeps the exit code and findings of a failing run', () => {
    const root = workspace();
    writeFileSync(join(root, 'lb1/conf.d/web.conf'), SERVICE(80, '    persistence_timeout abc\n'));
    const first = lint(root);
    expect(first.status).toBe(1);
    expect(findings(first.stdout)).toContain('lb1/conf.d/web.conf:5 invalid-value');
    expect(lint(root)).toEqual(first);
  });

  it('lints again when an included file changes', () => {
    const root = workspace();
    lint(root);
    markCachedReport(root);
    writeFileSync(join(root, 'lb1/conf.d/web.conf'), SERVICE(80, '    persistence_timeout abc\n'));
    const run = lint(root);
    expect(run.status).toBe(1);
    expect(findings(run.stdout)).toEqual(['lb1/conf.d/web.conf:5 invalid-value']);
  });

  it('lints again when a new file matches an include glob', () => {
    const root = workspace();
    lint(root);
    markCachedReport(root);
    writeFileSync(join(root, 'lb1/conf.d/api.conf'), SERVICE(443, '    persistence_timeout abc\n'));
    expect(findings(lint(root).stdout)).toEqual(['lb1/conf.d/api.conf:5 invalid-value']);
  });

  it('lints again when the host facts change', () => {
    const root = workspace();
    lint(root);
    markCachedReport(root);
    // The DR real server is no longer on lb1's link.
    writeFileSync(join(root, 'keepalived-lint.yaml'), yaml('10.0.0.11/24'));
    expect(findings(lint(root).stdout)).toEqual(['lb1/conf.d/web.conf:5 dr-real-server-not-on-link']);
  });

  it('lints again when a setting changes, in the workspace file or on the command line', () => {
    const root = workspace();
    writeFileSync(join(root, 'lb1/conf.d/web.conf'), SERVICE(80, '    persistence_timeout abc\n'));
    lint(root);
    markCachedReport(root);
    expect(findings(lint(root, '--rule', 'invalid-value=off').stdout)).toEqual([]);
    writeFileSync(join(root, 'keepalived-lint.yaml'), yaml('192.168.10.11/24', 'rules:\n  invalid-value: warning\n'));
    const run = lint(root);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).files.flatMap((f: { diagnostics: Array<{ severity: string }> }) => f.diagnostics.map((d) => d.severity))).toEqual(['warning']);
  });

  it('ignores a corrupt cache and writes a good one', () => {
    const root = workspace();
    const first = lint(root);
    writeFileSync(join(root, CACHE), '{"format": "keepalived-lint-cache 1", "entries": [ {');
    expect(lint(root)).toEqual(first);
    expect(JSON.parse(readFileSync(join(root, CACHE), 'utf8')).entries).toHaveLength(1);
  });

  it('does not trust a cache that asks about a file outside the lint root', () => {
    const root = workspace();
    const first = lint(root);
    const file = JSON.parse(readFileSync(join(root, CACHE), 'utf8'));
    // What /etc/hostname's probe would answer is unknown to the run: any answer must be refused unread.
    for (const entry of file.entries) entry.probes.push({ kind: 'read', path: '/etc/hostname', answer: 'problem not-found' });
    writeFileSync(join(root, CACHE), JSON.stringify(file));
    markCachedReport(root);
    expect(lint(root)).toEqual(first);
  });
});
