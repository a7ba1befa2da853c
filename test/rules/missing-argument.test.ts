import { describe, expect, it } from 'vitest';
import { found, where } from '../helpers/lint-text.js';

const RULE = 'missing-argument';

const instance = (line: string) => [
  'vrrp_instance VI_1 {',
  '    state BACKUP',
  '    interface eth0',
  '    virtual_router_id 51',
  `    ${line}`,
  '    virtual_ipaddress {',
  '        10.0.0.100/24',
  '    }',
  '}',
  '',
].join('\n');

describe(RULE, () => {
  it('reports a keyword without its value, with the syntax and the consequence', () => {
    const text = instance('priority');
    const [d, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([d.line, d.text]).toEqual([5, 'priority']);
    expect(d.message).toContain("'priority' needs a value for <priority>");
    expect(d.message).toContain('priority <priority:1..255>');
    expect(d.message).toContain('keepalived stops reading the configuration here');
  });

  it('reports a missing value in global_defs and in a virtual_server', () => {
    expect(where(RULE, 'global_defs {\n    router_id\n}\n')).toEqual([[2, 'router_id']]);
    const vs = 'virtual_server 10.0.0.100 80 {\n    lvs_sched\n    lvs_method NAT\n    protocol TCP\n    real_server 10.0.1.11 80 {\n        weight 1\n    }\n}\n';
    expect(where(RULE, vs)).toEqual([[2, 'lvs_sched']]);
  });

  it('reports an option word whose value is missing, at the option', () => {
    const text = 'global_defs {\n    router_id LB1\n    lvs_sync_daemon eth1 VI_1 id\n}\n';
    const [d] = found(RULE, text);
    expect([d.line, d.text]).toEqual([3, 'id']);
    expect(d.message).toContain("'id' of 'lvs_sync_daemon' needs a value");
    expect(d.message).not.toContain('stops reading');
  });

  it('does not report keywords that take no value or whose values are optional', () => {
    expect(where(RULE, instance('nopreempt'))).toEqual([]);
    expect(where(RULE, instance('use_vmac'))).toEqual([]);
    expect(where(RULE, instance('priority 100'))).toEqual([]);
    expect(where(RULE, 'global_defs {\n    router_id LB1\n    lvs_sync_daemon eth1 VI_1 id 10\n}\n')).toEqual([]);
  });

  it('does not report lines that keepalived does not know (other rules report them)', () => {
    expect(where(RULE, instance('priorty'))).toEqual([]);
    expect(where('unknown-keyword', instance('priorty'))).toEqual([[5, 'priorty']]);
  });
});
