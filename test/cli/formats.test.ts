// The shape of each output format.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, CLEAN_CONFIG, removeTree, runCli, tempTree, type JsonOutput } from './harness.js';

let cli: string;
const roots: string[] = [];
const tree = (files: Record<string, string>) => {
  const root = tempTree(files);
  roots.push(root);
  return root;
};

/** One error (unknown keyword, line 10) and one fixable warning (auth_pass, line 14). */
const PROBLEMS = CLEAN_CONFIG.replace('    priority 100\n', '    priority 100\n    bogus_keyword "it\'s <odd> & \\"quoted\\""\n').replace(
  '    advert_int 1\n',
  '    advert_int 1\n    authentication {\n        auth_type PASS\n        auth_pass abcdefghijkl\n    }\n',
);

beforeAll(() => {
  cli = buildCli();
});
afterAll(() => roots.forEach(removeTree));

describe('json', () => {
  it('has exactly the documented fields, with 1-based positions and fixes', () => {
    const root = tree({ 'lb/keepalived.conf': PROBLEMS, 'clean/keepalived.conf': CLEAN_CONFIG });
    const run = runCli(cli, ['-f', 'json'], { cwd: root });
    expect(run.status).toBe(1);
    const output = JSON.parse(run.stdout) as JsonOutput;
    expect(Object.keys(output)).toEqual(['version', 'files']);
    expect(output.version).toBe(1);
    expect(output.files.map((f) => f.path)).toEqual(['clean/keepalived.conf', 'lb/keepalived.conf']);
    expect(output.files[0]).toEqual({ path: 'clean/keepalived.conf', diagnostics: [] });
    const [unknown, password] = output.files[1].diagnostics;
    expect(Object.keys(unknown)).toEqual(['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
    expect(unknown).toMatchObject({ rule: 'unknown-keyword', severity: 'error', line: 10, column: 5, endLine: 10, endColumn: 18 });
    expect(password).toMatchObject({ rule: 'auth-pass-too-long', severity: 'warning', line: 14, column: 19, endLine: 14, endColumn: 31 });
    expect(password.fix).toEqual({
      title: "Shorten to 'abcdefgh'",
      edits: [{ path: 'lb/keepalived.conf', line: 14, column: 19, endLine: 14, endColumn: 31, text: 'abcdefgh' }],
    });
  });

  it('counts columns in UTF-16 code units', () => {
    const root = tree({ 'keepalived.conf': CLEAN_CONFIG.replace('router_id lb1', 'router_id "l\u{1F600}b"\n    bogus 1') });
    const output = JSON.parse(runCli(cli, ['-f', 'json'], { cwd: root }).stdout) as JsonOutput;
    expect(output.files[0].diagnostics[0]).toMatchObject({ line: 3, column: 5, endColumn: 10 });
  });
});

describe('stylish', () => {
  it('groups by file with a summary line', () => {
    const root = tree({ 'keepalived.conf': PROBLEMS });
    const run = runCli(cli, [], { cwd: root });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('keepalived.conf');
    expect(lines[1]).toMatch(/^ {2}10:5 {3}error {4}unknown-keyword {5}unknown keyword /);
    const second = lines.findIndex((l) => l.startsWith('  14:19'));
    expect(lines[second]).toMatch(/^ {2}14:19 {2}warning {2}auth-pass-too-long {2}auth_pass /);
    // Long messages wrap under the message column.
    expect(lines.slice(2, second).every((l) => /^ {34}\S/.test(l))).toBe(true);
    expect(run.stdout).toContain('\u2716 2 problems (1 error, 1 warning, 0 infos)');
    expect(run.stdout).not.toContain('\u001b[');
  });
});

describe('gnu', () => {
  it('prints file:line:col: severity: message [rule]', () => {
    const root = tree({ 'keepalived.conf': PROBLEMS });
    const lines = runCli(cli, ['-f', 'gnu'], { cwd: root }).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^keepalived\.conf:10:5: error: unknown keyword .* \[unknown-keyword\]$/);
    expect(lines[1]).toMatch(/^keepalived\.conf:14:19: warning: auth_pass .* \[auth-pass-too-long\]$/);
  });
});

describe('checkstyle', () => {
  it('prints escaped checkstyle XML', () => {
    const root = tree({ 'a&b.keepalived.conf': PROBLEMS.replace('bogus_keyword', 'bogus<&>') });
    const run = runCli(cli, ['-f', 'checkstyle', 'a&b.keepalived.conf'], { cwd: root });
    const xml = run.stdout;
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n')).toBe(true);
    expect(xml).toContain('<file name="a&amp;b.keepalived.conf">');
    expect(xml).toMatch(/<error line="10" column="5" severity="error" message="unknown keyword &apos;bogus&lt;&amp;&gt;&apos;[^"]*" source="keepalived-lint.unknown-keyword"\/>/);
    expect(xml).toContain('source="keepalived-lint.auth-pass-too-long"');
    expect(xml.trimEnd().endsWith('</checkstyle>')).toBe(true);
    // Every attribute value is closed properly: no raw <, & or " inside one.
    for (const [, value] of xml.matchAll(/="([^"]*)"/g)) expect(value).not.toMatch(/[<]|&(?!(amp|lt|gt|quot|apos|#\d+);)/);
  });
});

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<{ id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }> } };
    columnKind: string;
    results: Array<{
      ruleId: string; ruleIndex: number; level: string; message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
      partialFingerprints: { primaryLocationLineHash: string };
    }>;
  }>;
}

describe('sarif', () => {
  const sarifOf = (root: string) => JSON.parse(runCli(cli, ['-f', 'sarif'], { cwd: root }).stdout) as SarifLog;

  it('has the fields SARIF 2.1.0 requires and code scanning uses', () => {
    const root = tree({ 'etc/keepalived/keepalived.conf': PROBLEMS, 'keepalived-lint.yaml': 'dialect: bsd\n' });
    const log = sarifOf(root);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver.name).toBe('keepalived-lint');
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.tool.driver.informationUri).toMatch(/^https?:\/\//);
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['unknown-keyword', 'syntax-error', 'invalid-workspace-file', 'internal-error']));
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(rule.helpUri.endsWith(`docs/rules/${rule.id}.md`)).toBe(true);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['unknown-keyword', 'error'], ['auth-pass-too-long', 'warning'], ['invalid-workspace-file', 'error'],
    ]);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.message.text.length).toBeGreaterThan(0);
      expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]+:\d+$/);
    }
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'etc/keepalived/keepalived.conf', uriBaseId: '%SRCROOT%' },
      region: { startLine: 10, startColumn: 5, endLine: 10, endColumn: 18 },
    });
    expect(run.results[2].locations[0].physicalLocation.artifactLocation.uri).toBe('keepalived-lint.yaml');
  });

  it('maps info to note', () => {
    const root = tree({ 'keepalived.conf': `${CLEAN_CONFIG}virtual_server 10.0.0.10 80 {\n    lb_kind DR\n}\n` });
    expect(sarifOf(root).runs[0].results.map((r) => [r.ruleId, r.level])).toContainEqual(['deprecated-keyword', 'note']);
  });

  it('gives fingerprints that are stable across runs and line shifts', () => {
    const root = tree({ 'keepalived.conf': PROBLEMS });
    const fingerprints = () => sarifOf(root).runs[0].results.map((r) => [r.ruleId, r.locations[0].physicalLocation.region.startLine, r.partialFingerprints.primaryLocationLineHash] as const);
    const first = fingerprints();
    expect(fingerprints()).toEqual(first);
    writeFileSync(join(root, 'keepalived.conf'), `! a comment\n\n! another\n${PROBLEMS}`);
    const shifted = fingerprints();
    expect(shifted.map(([, line]) => line)).toEqual(first.map(([, line]) => line + 3));
    expect(shifted.map(([rule, , hash]) => [rule, hash])).toEqual(first.map(([rule, , hash]) => [rule, hash]));
    expect(new Set(first.map(([, , hash]) => hash)).size).toBe(first.length);
  });
});

describe('--output-file', () => {
  it('writes the report to a file instead of stdout', () => {
    const root = tree({ 'keepalived.conf': PROBLEMS });
    const run = runCli(cli, ['-f', 'json', '-o', 'out/report.json', 'keepalived.conf'], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect((JSON.parse(readFileSync(join(root, 'out', 'report.json'), 'utf8')) as JsonOutput).files[0].diagnostics).toHaveLength(2);
  });
});
