import { describe, expect, it } from 'vitest';
import { found, memoryFiles, TEST_PATH, where } from '../helpers/lint-text.js';

const RULE = 'include-not-found';

const MAIN = 'global_defs {\n    router_id LB1\n}\ninclude /etc/keepalived/conf.d/*.conf\n';
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
  it('reports a pattern that matches no file, at the pattern', () => {
    const [d, ...rest] = found(RULE, MAIN, {}, memoryFiles({ '/etc/keepalived/vrrp.d/vi_1.conf': VI_1 }));
    expect(rest).toEqual([]);
    expect([d.line, d.text, d.severity]).toEqual([4, '/etc/keepalived/conf.d/*.conf', 'warning']);
    expect(d.message).toContain("no file matches '/etc/keepalived/conf.d/*.conf'");
    expect(d.message).toContain('keepalived carries on without it, and its contents are not checked');
  });

  it('reports a relative file name that does not exist next to the config', () => {
    const text = 'include vrrp_instances.conf\n';
    expect(where(RULE, text, {}, memoryFiles({ '/etc/keepalived/conf.d/vrrp_instances.conf': VI_1 }))).toEqual([[1, 'vrrp_instances.conf']]);
  });

  it('reports a file that matches but cannot be read', () => {
    const unreadable = { ...memoryFiles({ '/etc/keepalived/conf.d/vi_1.conf': VI_1 }) };
    unreadable.read = (path) => ({ problem: { kind: 'unreadable', message: `cannot read '${path}': permission denied` } });
    const [d] = found(RULE, MAIN, {}, unreadable);
    expect([d.line, d.text]).toEqual([4, '/etc/keepalived/conf.d/*.conf']);
    expect(d.message).toContain("cannot read '/etc/keepalived/conf.d/vi_1.conf': permission denied");
  });

  it('does not report includes that match files, relative or absolute', () => {
    const files = memoryFiles({ [TEST_PATH]: MAIN, '/etc/keepalived/conf.d/vi_1.conf': VI_1 });
    expect(where(RULE, MAIN, {}, files)).toEqual([]);
    expect(where(RULE, 'include conf.d/vi_1.conf\n', {}, files)).toEqual([]);
  });

  it('does not report includes when files cannot be read at all (no file access)', () => {
    expect(where(RULE, MAIN)).toEqual([]);
  });
});
