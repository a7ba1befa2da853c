import { describe, expect, it } from 'vitest';
import { instance } from '../helpers/configs.js';
import { found, lintSnippet, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'duplicate-definition';

describe(RULE, () => {
  it('reports the second vrrp_instance with the same name and points at the first', () => {
    const text = instance('VI_1', 'eth0', 51, '10.0.0.100/24') + instance('VI_1', 'eth1', 52, '10.0.1.100/24');
    const [d, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([d.line, d.text]).toEqual([10, 'VI_1']);
    expect(d.message).toContain("vrrp_instance 'VI_1' is already defined on line 1");
    expect(d.diagnostic.related?.[0]).toMatchObject({ message: 'first definition', start: text.indexOf('VI_1') });
  });

  it('reports every repeat of a vrrp_script', () => {
    const script = (cmd: string) => `vrrp_script chk_web {\n    script "${cmd}"\n    interval 2\n}\n`;
    const text = 'global_defs {\n    enable_script_security\n}\n' + script('/usr/local/bin/check_nginx') + script('/usr/local/bin/check_haproxy') + script('/bin/true');
    expect(where(RULE, text)).toEqual([[8, 'chk_web'], [12, 'chk_web']]);
    expect(found(RULE, text).every((d) => d.message.includes('already defined on line 4'))).toBe(true);
  });

  it('does not report the same name used for objects of different kinds', () => {
    const text = 'vrrp_script VI_1 {\n    script "/bin/true"\n}\n' + instance('VI_1', 'eth0', 51, '10.0.0.100/24');
    expect(where(RULE, text)).toEqual([]);
  });

  it('does not report distinct names nor definitions in alternative @id lines', () => {
    expect(where(RULE, instance('VI_1', 'eth0', 51, '10.0.0.100/24') + instance('VI_2', 'eth0', 52, '10.0.0.101/24'))).toEqual([]);
    const text = [
      '@lb1 vrrp_instance VI_1 {',
      '@lb2 vrrp_instance VI_1 {',
      '    interface eth0',
      '    virtual_router_id 51',
      '    virtual_ipaddress {',
      '        10.0.0.100/24',
      '    }',
      '}',
      '',
    ].join('\n');
    expect(where(RULE, text)).toEqual([]);
  });

  it('reports a definition repeated in an included file, in that file', () => {
    const path = '/etc/keepalived/conf.d/vi_1.conf';
    const text = `${instance('VI_1', 'eth0', 51, '10.0.0.100/24')}include conf.d/*.conf\n`;
    const files = memoryFiles({ [path]: instance('VI_1', 'eth1', 52, '10.0.1.100/24') });
    const hits = lintSnippet(text, {}, files).filter((d) => d.rule === RULE);
    expect(hits.map((d) => [d.path, d.start])).toEqual([[path, 'vrrp_instance '.length]]);
    // The first definition is in another file than the diagnostic: the message says which.
    expect(hits[0].message).toContain("already defined on line 1 of keepalived.conf;");
  });

  it('names the included file when the first definition is there', () => {
    const text = `include conf.d/*.conf
${instance('VI_1', 'eth1', 52, '10.0.1.100/24')}`;
    const files = memoryFiles({ '/etc/keepalived/conf.d/vi_1.conf': `\n${instance('VI_1', 'eth0', 51, '10.0.0.100/24')}` });
    expect(found(RULE, text, {}, files).map((d) => d.message)).toEqual([expect.stringContaining('already defined on line 2 of conf.d/vi_1.conf;')]);
  });
});
