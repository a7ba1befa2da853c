// A fragment named on the command line (as pre-commit names a staged conf.d file) is checked
// through the configs that include it, so it gets the findings of the whole-directory run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, rulesByFile, runCli, treesRemovedAfterAll, type JsonOutput } from './harness.js';

let cli: string;
const tree = treesRemovedAfterAll();
const rules = (stdout: string) => rulesByFile(JSON.parse(stdout) as JsonOutput);

beforeAll(() => {
  cli = buildCli();
});

/** A main config that defines the script its fragments track, and includes them. */
const main = (routerId: string, include: string, extra = '') => `global_defs {
    router_id ${routerId}
    enable_script_security
    script_user root
}
vrrp_script chk_web {
    script "/usr/bin/true"
}
${extra}include ${include}
`;

/** A VRRP instance that tracks chk_web, as a conf.d fragment. */
const fragment = (name: string, vrid: number, extra = '') => `vrrp_instance ${name} {
    state BACKUP
    interface eth0
    virtual_router_id ${vrid}
    priority 100${extra}
    virtual_ipaddress {
        10.0.0.${vrid}/24
    }
    track_script {
        chk_web
    }
}
`;

describe('a named fragment', () => {
  it('is linted through the keepalived.conf that includes it, and only its own problems are reported', () => {
    const root = tree({
      'lb1/keepalived/keepalived.conf': main('lb1', 'conf.d/*.conf', 'bogus_in_main 1\n'),
      'lb1/keepalived/conf.d/vi_1.conf': fragment('VI_1', 1),
      'lb1/keepalived/conf.d/vi_2.conf': fragment('VI_2', 2, '\n    bogus_in_fragment 1'),
    });
    const whole = runCli(cli, ['-f', 'json', '.'], { cwd: root });
    expect(rules(whole.stdout)).toEqual({
      'lb1/keepalived/conf.d/vi_1.conf': [], 'lb1/keepalived/conf.d/vi_2.conf': ['unknown-keyword'], 'lb1/keepalived/keepalived.conf': ['unknown-keyword'],
    });
    const clean = runCli(cli, ['-f', 'json', 'lb1/keepalived/conf.d/vi_1.conf'], { cwd: root });
    expect(rules(clean.stdout)).toEqual({ 'lb1/keepalived/conf.d/vi_1.conf': [] });
    expect(clean.status).toBe(0);
    const faulty = runCli(cli, ['-f', 'json', 'lb1/keepalived/conf.d/vi_2.conf'], { cwd: root });
    expect(rules(faulty.stdout)).toEqual({ 'lb1/keepalived/conf.d/vi_2.conf': ['unknown-keyword'] });
  });

  it('included by two hosts\' configs gets the problems of either context, as in the whole-directory run', () => {
    const root = tree({
      'keepalived-lint.yaml': 'version: 1\nhosts:\n  lb1:\n    configs: [lb1/keepalived.conf]\n  lb2:\n    configs: [lb2/keepalived.conf]\n',
      'lb1/keepalived.conf': main('lb1', '../shared/vi_1.conf'),
      // lb2 lacks chk_web: the shared fragment's track_script is an undefined reference there.
      'lb2/keepalived.conf': main('lb2', '../shared/vi_1.conf').replace('chk_web', 'chk_other'),
      'shared/vi_1.conf': fragment('VI_1', 1),
    });
    const whole = runCli(cli, ['-f', 'json', '.'], { cwd: root });
    const alone = runCli(cli, ['-f', 'json', 'shared/vi_1.conf'], { cwd: root });
    const inFragment = rules(whole.stdout)['shared/vi_1.conf'];
    expect(inFragment).toContain('undefined-reference');
    expect(inFragment).toContain('pair-priority-tie');
    expect(rules(alone.stdout)).toEqual({ 'shared/vi_1.conf': inFragment });
  });

  it('is compared with every config below its keepalived-lint.yaml, as in the whole-directory run', () => {
    const root = tree({
      'keepalived-lint.yaml': 'version: 1\n',
      'a/keepalived.conf': main('a', 'conf.d/*.conf'),
      'a/conf.d/vi_1.conf': fragment('VI_1', 1),
      'b/keepalived.conf': main('b', 'vi_1.conf'),
      'b/vi_1.conf': fragment('VI_1', 1),
    });
    const whole = runCli(cli, ['-f', 'json', '.'], { cwd: root });
    expect(rules(whole.stdout)['a/conf.d/vi_1.conf']).toEqual(['pair-priority-tie']);
    expect(rules(runCli(cli, ['-f', 'json', 'a/conf.d/vi_1.conf'], { cwd: root }).stdout)).toEqual({ 'a/conf.d/vi_1.conf': ['pair-priority-tie'] });
  });

  it('is not linted through configs outside the lint root', () => {
    const root = tree({
      'keepalived.conf': main('lb1', 'project/conf.d/vi_1.conf'),
      'project/keepalived-lint.yaml': 'version: 1\n',
      'project/conf.d/vi_1.conf': fragment('VI_1', 1),
    });
    const run = runCli(cli, ['-f', 'json', 'conf.d/vi_1.conf'], { cwd: join(root, 'project') });
    expect(rules(run.stdout)).toEqual({ 'conf.d/vi_1.conf': ['undefined-reference'] });
  });

  it('is fixed without touching the config that includes it', () => {
    const mainText = main('lb1', 'conf.d/*.conf', 'vrrp_instance VI_9 {\n    stat BACKUP\n    interface eth0\n    virtual_router_id 9\n    virtual_ipaddress {\n        10.0.0.9/24\n    }\n}\n');
    const root = tree({
      'keepalived/keepalived.conf': mainText,
      'keepalived/conf.d/vi_1.conf': fragment('VI_1', 1).replace('state BACKUP', 'stat BACKUP'),
      // A config next to it with a syntax error and a fixable problem: none of the named file's business.
      'keepalived/other.conf': 'vrrp_instance VI_8 {\n    stat BACKUP\n',
    });
    const run = runCli(cli, ['--fix', 'keepalived/conf.d/vi_1.conf'], { cwd: root });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(readFileSync(join(root, 'keepalived/conf.d/vi_1.conf'), 'utf8')).toContain('    state BACKUP\n');
    expect(readFileSync(join(root, 'keepalived/keepalived.conf'), 'utf8')).toBe(mainText);
  });
});

describe('--skip-non-keepalived', () => {
  it('drops named files the directory search would not take for keepalived configs', () => {
    const root = tree({
      'nginx/conf.d/default.conf': 'server {\n    listen 80;\n}\n',
      'lb1/keepalived.conf': main('lb1', 'conf.d/*.conf'),
      'lb1/conf.d/vi_1.conf': fragment('VI_1', 1, '\n    bogus_in_fragment 1'),
    });
    const named = ['-f', 'json', 'nginx/conf.d/default.conf', 'lb1/conf.d/vi_1.conf'];
    expect(Object.keys(rules(runCli(cli, named, { cwd: root }).stdout))).toEqual(['lb1/conf.d/vi_1.conf', 'nginx/conf.d/default.conf']);
    const skipping = runCli(cli, ['--skip-non-keepalived', ...named], { cwd: root });
    expect(rules(skipping.stdout)).toEqual({ 'lb1/conf.d/vi_1.conf': ['unknown-keyword'] });
    const nothing = runCli(cli, ['--skip-non-keepalived', 'nginx/conf.d/default.conf'], { cwd: root });
    expect(nothing).toMatchObject({ status: 0, stdout: '' });
  });
});
