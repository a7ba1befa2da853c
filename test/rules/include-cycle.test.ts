import { describe, expect, it } from 'vitest';
import { found, lintSnippet, memoryFiles, TEST_PATH, where } from '../helpers/lint-text.js';

const RULE = 'include-cycle';

const VI_1 = [
  'vrrp_instance VI_1 {',
  '    state BACKUP',
  '    interface eth0',
  '    virtual_router_id 51',
  '    priority 100',
  '    virtual_ipaddress {',
  '        10.0.0.100/24',
  '    }',
  '}',
  '',
].join('\n');

describe(RULE, () => {
  it('reports a glob that matches the including file itself', () => {
    const text = 'global_defs {\n    router_id LB1\n}\ninclude /etc/keepalived/*.conf\n';
    const files = memoryFiles({ [TEST_PATH]: text, '/etc/keepalived/vrrp.conf': VI_1 });
    const [d, ...rest] = found(RULE, text, {}, files);
    expect(rest).toEqual([]);
    expect([d.line, d.text, d.severity]).toEqual([4, '/etc/keepalived/*.conf', 'error']);
    expect(d.message).toBe(`'${TEST_PATH}' includes itself through ${TEST_PATH} -> ${TEST_PATH}`);
  });

  it('reports a cycle through another file, at the include that closes it', () => {
    const text = 'global_defs {\n    router_id LB1\n}\ninclude conf.d/*.conf\n';
    const loop = '/etc/keepalived/conf.d/common.conf';
    const files = memoryFiles({ [TEST_PATH]: text, [loop]: `${VI_1}include /etc/keepalived/keepalived.conf\n` });
    expect(where(RULE, text, {}, files)).toEqual([]);
    const hits = lintSnippet(text, {}, files).filter((d) => d.rule === RULE);
    expect(hits).toHaveLength(1);
    expect(hits[0].path).toBe(loop);
    expect(hits[0].message).toContain(`${TEST_PATH} -> ${loop} -> ${TEST_PATH}`);
  });

  it('reports a cycle between two included files', () => {
    const text = 'include /etc/keepalived/a.conf\n';
    const files = memoryFiles({ '/etc/keepalived/a.conf': `${VI_1}include b.conf\n`, '/etc/keepalived/b.conf': 'include a.conf\n' });
    const hits = lintSnippet(text, {}, files).filter((d) => d.rule === RULE);
    expect(hits.map((d) => d.path)).toEqual(['/etc/keepalived/b.conf']);
    expect(hits[0].message).toContain('/etc/keepalived/a.conf -> /etc/keepalived/b.conf -> /etc/keepalived/a.conf');
  });

  it('does not report the same file included twice, nor a tree of includes without a loop', () => {
    const files = memoryFiles({
      '/etc/keepalived/conf.d/vi_1.conf': VI_1,
      '/etc/keepalived/conf.d/all.conf': 'include /etc/keepalived/conf.d/vi_1.conf\n',
    });
    expect(lintSnippet('include conf.d/all.conf\ninclude conf.d/vi_1.conf\n', {}, files).filter((d) => d.rule === RULE)).toEqual([]);
  });
});
