import { describe, expect, it } from 'vitest';
import { applyFixTo, found, where } from '../helpers/lint-text.js';

const RULE = 'nopreempt-with-master';

const instance = (...settings: string[]) => [
  'vrrp_instance VI_1 {',
  ...settings.map((s) => `    ${s}`),
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
  it('reports nopreempt in a MASTER instance and explains that keepalived clears it', () => {
    const text = instance('state MASTER', 'nopreempt');
    const [d, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([d.line, d.text]).toEqual([3, 'nopreempt']);
    expect(d.message).toContain("nopreempt has no effect in vrrp_instance 'VI_1' because its state is MASTER (line 2)");
    expect(d.message).toContain('keepalived clears nopreempt');
    expect(d.diagnostic.related?.[0]).toMatchObject({ message: 'initial state MASTER', start: text.indexOf('MASTER') });
  });

  it('fixes it by changing the state to BACKUP', () => {
    const text = instance('state MASTER', 'nopreempt');
    const [d] = found(RULE, text);
    expect(applyFixTo(text, d.diagnostic.fix!)).toBe(instance('state BACKUP', 'nopreempt'));
  });

  it('keeps MASTER once given, as keepalived does (a later state BACKUP is ignored)', () => {
    expect(where(RULE, instance('state BACKUP', 'nopreempt', 'state MASTER'))).toEqual([[3, 'nopreempt']]);
    expect(found(RULE, instance('state BACKUP', 'nopreempt', 'state MASTER'))[0].message).toContain('(line 4)');
    expect(where(RULE, instance('state MASTER', 'state BACKUP', 'nopreempt'))).toEqual([[4, 'nopreempt']]);
    expect(found(RULE, instance('state MASTER', 'state BACKUP', 'nopreempt'))[0].message).toContain('(line 2)');
  });

  it('reports nopreempt of the address owner (priority 255), without a fix', () => {
    const text = instance('state BACKUP', 'nopreempt').replace('priority 100', 'priority 255');
    const [d] = found(RULE, text);
    expect([d.line, d.text]).toEqual([3, 'nopreempt']);
    expect(d.message).toContain('its priority is 255 (line 6)');
    expect(d.diagnostic.fix).toBeUndefined();
  });

  it('does not report nopreempt with state BACKUP, without a state, or MASTER without nopreempt', () => {
    expect(where(RULE, instance('state BACKUP', 'nopreempt'))).toEqual([]);
    expect(where(RULE, instance('nopreempt'))).toEqual([]);
    expect(where(RULE, instance('state MASTER'))).toEqual([]);
    expect(where(RULE, instance('state MASTER', 'preempt_delay 30'))).toEqual([]);
  });

  it('reports only the config id whose state is MASTER', () => {
    const text = [
      '@lb1 $STATE=MASTER',
      '@lb2 $STATE=BACKUP',
      instance('state $STATE', 'nopreempt'),
    ].join('\n');
    const [d] = found(RULE, text);
    expect([d.line, d.text]).toEqual([5, 'nopreempt']);
    expect(d.message).toContain('(with config id lb1)');
    expect(where(RULE, text, { configIds: ['lb2'] })).toEqual([]);
  });
});
