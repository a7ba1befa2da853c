// Bounded output and near-linear work on pathological inputs: a per-file cap on problems,
// one diagnostic for a line of 50,000 stray `{}` (12.6 s and 100,001 diagnostics before), and
// firewall facts indexed by destination (40,000 rules x 2,000 VIPs: 5.6 s; 400,000 rules: 110 s).
// Times are asserted only as generous "finishes within" limits; `npm run fuzz` prints them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capProblems, TOO_MANY_PROBLEMS, type Diagnostic } from '../../server/src/analysis/index.js';
import { indexFirewall, parseIptablesSave, type IptablesRule } from '../../server/src/analysis/host/iptables.js';
import { inSubnet, parseIp, type IpAddress } from '../../server/src/analysis/net/ip.js';
import { buildCli, removeTree, runCli, tempTree, type JsonOutput } from '../cli/harness.js';
import { lintSnippet } from '../helpers/lint-text.js';
import { lintMemoryWorkspace, workspaceHits } from '../helpers/workspace.js';

const diagnostic = (path: string, start: number, severity: Diagnostic['severity'] = 'warning'): Diagnostic => ({ path, start, end: start + 1, rule: 'unknown-keyword', severity, message: `at ${start}` });

describe('the per-file problem cap', () => {
  it('keeps the first N problems of a file in position order and sums up the rest at the last one shown', () => {
    const many = Array.from({ length: 2500 }, (_, i) => diagnostic('/a.conf', 2500 - i, i === 0 ? 'error' : 'warning'));
    const capped = capProblems([...many, diagnostic('/b.conf', 7)], (path) => (path === '/a.conf' ? 1000 : 1));
    const a = capped.filter((d) => d.path === '/a.conf');
    expect(a.length).toBe(1001);
    expect(a.slice(0, 1000).map((d) => d.start)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    const summary = a[1000];
    expect([summary.rule, summary.severity, summary.start]).toEqual([TOO_MANY_PROBLEMS, 'error', 1001]);
    expect(summary.message).toContain('1500 more not shown');
    expect(capped.filter((d) => d.path === '/b.conf').map((d) => d.start)).toEqual([7]);
    expect(capProblems(many, () => 0).length).toBe(2500);
  });

  describe('on the command line and in keepalived-lint.yaml', () => {
    let cli: string;
    let root: string;
    beforeAll(() => {
      cli = buildCli();
      root = tempTree({
        'plain/keepalived.conf': 'foo_bar\n'.repeat(12),
        'ws/keepalived-lint.yaml': 'version: 1\nmax_problems: 3\n',
        'ws/keepalived.conf': 'foo_bar\n'.repeat(12),
      });
    });
    afterAll(() => removeTree(root));

    const rules = (args: string[], cwd: string) => {
      const run = runCli(cli, ['--format', 'json', ...args], { cwd });
      const diagnostics = (JSON.parse(run.stdout) as JsonOutput).files.flatMap((f) => f.diagnostics);
      return { status: run.status, rules: diagnostics.map((d) => d.rule), messages: diagnostics.map((d) => d.message) };
    };

    it('takes --max-problems, the workspace file\'s max_problems, and 0 for no limit', () => {
      const flag = rules(['--no-config', '--max-problems', '5', 'plain/keepalived.conf'], root);
      expect(flag.rules).toEqual([...Array(5).fill('unknown-keyword'), TOO_MANY_PROBLEMS]);
      expect(flag.messages.at(-1)).toContain('7 more not shown');
      expect(flag.status).toBe(1);
      expect(rules(['ws/keepalived.conf'], root).rules).toEqual([...Array(3).fill('unknown-keyword'), TOO_MANY_PROBLEMS]);
      expect(rules(['--max-problems', '0', 'ws/keepalived.conf'], root).rules).toEqual(Array(12).fill('unknown-keyword'));
      expect(runCli(cli, ['--max-problems', 'many', 'plain/keepalived.conf'], { cwd: root })).toMatchObject({ status: 2, stderr: expect.stringContaining('--max-problems expects a number') });
    });

    it('reports a bad max_problems in the workspace file', () => {
      const bad = tempTree({ 'keepalived-lint.yaml': 'version: 1\nmax_problems: lots\n', 'keepalived.conf': 'global_defs {\n}\n' });
      try {
        expect(rules(['keepalived.conf'], bad).messages).toContainEqual(expect.stringContaining('max_problems must be a whole number'));
      } finally {
        removeTree(bad);
      }
    });
  });
});

describe('syntax recovery', () => {
  it('reports a line of 50,000 stray {} as one fault (and the over-long line), and finishes', () => {
    const started = Date.now();
    const found = lintSnippet(`${'{}'.repeat(50_000)}\n`).filter((d) => d.rule === 'syntax-error');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(found.map((d) => d.message).sort()).toEqual([
      "100000 stray braces on this line (50000 '{' that open nothing and 50000 '}' that close nothing): keepalived ignores each of them",
      expect.stringContaining('line is 100000 bytes long'),
    ]);
  });

  it('still reports a single stray brace on its own', () => {
    expect(lintSnippet('global_defs {\n}\n}\n').filter((d) => d.rule === 'syntax-error').map((d) => d.message)).toEqual([expect.stringContaining("extra '}'")]);
  });
});

/** The scan the index replaced: every rule of each chain in order, for each lookup. */
function referenceBlockingRule(rules: readonly IptablesRule[], address: IpAddress, port?: number, protocol?: string): IptablesRule | undefined {
  const reaches = (r: IptablesRule) => !r.destination || inSubnet(address, r.destination.address, r.destination.prefix) !== r.destination.negated;
  const covers = (r: IptablesRule) => !r.otherConditions && reaches(r) && !(r.protocol && (!protocol || r.protocol !== protocol))
    && !(r.ports && (port === undefined || !r.ports.some(([lo, hi]) => port >= lo && port <= hi)));
  for (const [table, chain] of [['raw', 'PREROUTING'], ['mangle', 'PREROUTING'], ['mangle', 'INPUT'], ['filter', 'INPUT']]) {
    for (const rule of rules.filter((r) => r.table === table && r.chain === chain)) {
      if (rule.target === 'ACCEPT' && (port === undefined ? reaches(rule) : covers(rule))) break;
      if ((rule.target === 'DROP' || rule.target === 'REJECT') && covers(rule)) return rule;
    }
  }
  return undefined;
}

describe('firewall facts', () => {
  it('finds the same rule as a scan of every rule in order, on random rule sets', () => {
    let seed = 11;
    const pick = <T,>(xs: readonly T[]): T => xs[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % xs.length];
    const destinations = ['', '-d 10.0.0.1/32 ', '-d 10.0.0.0/24 ', '! -d 10.0.0.1/32 ', '-d 10.0.1.0/24 ', '-d 10.0.0.0/8 ', '-d 0.0.0.0/0 ', '-d fd00::1/128 '];
    const matches = ['', '-p tcp ', '-p udp ', '-p tcp -m tcp --dport 80 ', '-p tcp -m multiport --dports 80,443 ', '-s 192.0.2.1/32 ', '-m state --state NEW ', '-i eth0 '];
    const places = [['raw', 'PREROUTING'], ['mangle', 'PREROUTING'], ['mangle', 'INPUT'], ['filter', 'INPUT'], ['filter', 'OUTPUT']];
    const targets = ['ACCEPT', 'DROP', 'REJECT', 'LOG', 'MY_CHAIN'];
    const lookups: Array<[string, number?, string?]> = [['10.0.0.1'], ['10.0.0.2'], ['10.0.1.7'], ['10.9.9.9'], ['fd00::1'], ['10.0.0.1', 80, 'tcp'], ['10.0.0.1', 443, 'tcp'], ['10.0.0.2', 80, 'udp'], ['10.0.1.7', 53, 'udp'], ['10.0.0.1', undefined, 'tcp']];
    for (let set = 0; set < 300; set++) {
      const lines = Array.from({ length: 1 + (set % 12) }, () => {
        const [table, chain] = pick(places);
        return `*${table}\n-A ${chain} ${pick(destinations)}${pick(matches)}-j ${pick(targets)}\nCOMMIT`;
      });
      const rules = parseIptablesSave(lines.join('\n'));
      const firewall = indexFirewall(rules);
      for (const [address, port, protocol] of lookups) {
        const ip = parseIp(address)!;
        expect(firewall.blockingRule(ip, port, protocol)?.offset, `${lines.join(' | ')} ? ${address} ${port} ${protocol}`).toBe(referenceBlockingRule(rules, ip, port, protocol)?.offset);
      }
    }
  });

  const workspace = (rules: number) => {
    const lines = ['*filter', ':INPUT ACCEPT [0:0]'];
    for (let i = 0; i < rules; i++) lines.push(`-A INPUT -d 172.${16 + ((i >> 16) & 15)}.${(i >> 8) & 255}.${i & 255}/32 -p tcp -m tcp --dport 22 -j ACCEPT`);
    lines.push('-A INPUT -d 10.0.0.0/8 -j DROP', 'COMMIT');
    return `version: 1\nhosts:\n  lb1:\n    interfaces:\n      eth0: [10.255.0.1/8]\n    configs: [keepalived.conf]\n    firewall: |\n${lines.map((l) => `      ${l}`).join('\n')}\n`;
  };
  const vips = (count: number) => `vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n    priority 150\n    virtual_ipaddress {\n${Array.from({ length: count }, (_, i) => `        10.1.${i >> 8}.${i & 255}\n`).join('')}    }\n}\n`;

  for (const [rules, count] of [[40_000, 2000], [400_000, 2000]] as const) {
    it(`checks ${count} VIPs against ${rules} firewall rules, and finishes`, () => {
      const started = Date.now();
      const run = lintMemoryWorkspace(workspace(rules), { 'keepalived.conf': vips(count) }, { maxProblems: 0 });
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(workspaceHits(run, 'vip-blocked-by-firewall').length).toBe(count);
      expect(run.diagnostics.find((d) => d.rule === 'vip-blocked-by-firewall')!.message).toContain("'-A INPUT -d 10.0.0.0/8 -j DROP'");
    }, 120_000);
  }
});
