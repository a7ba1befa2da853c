import { describe, expect, it } from 'vitest';
import { applyFixTo, found, where } from '../helpers/lint-text.js';

const RULE = 'auth-pass-too-long';

const instance = (password: string, type = 'PASS') => [
  'vrrp_instance VI_1 {',
  '    state BACKUP',
  '    interface eth0',
  '    virtual_router_id 51',
  '    priority 100',
  '    authentication {',
  `        auth_type ${type}`,
  `        auth_pass ${password}`,
  '    }',
  '    virtual_ipaddress {',
  '        10.0.0.100/24',
  '    }',
  '}',
  '',
].join('\n');

describe(RULE, () => {
  it('reports a password longer than 8 characters and names the prefix keepalived keeps', () => {
    const [d, ...rest] = found(RULE, instance('lb-web-2024'));
    expect(rest).toEqual([]);
    expect([d.line, d.text, d.severity]).toEqual([8, 'lb-web-2024', 'warning']);
    expect(d.message).toContain("auth_pass is 11 characters long; keepalived truncates it to the first 8 bytes ('lb-web-2')");
  });

  it('fixes it by shortening to the 8 characters keepalived uses', () => {
    const text = instance('lb-web-2024');
    expect(applyFixTo(text, found(RULE, text)[0].diagnostic.fix!)).toBe(instance('lb-web-2'));
  });

  it('keeps the quotes of a quoted password when shortening it', () => {
    const text = instance('"s3cr3t-pass"');
    const [d] = found(RULE, text);
    expect(d.text).toBe('"s3cr3t-pass"');
    expect(applyFixTo(text, d.diagnostic.fix!)).toBe(instance('"s3cr3t-p"'));
  });

  it('reports a password that comes from a $definition, without a fix', () => {
    const text = `$VRRP_PASS=lb-web-2024\n${instance('$VRRP_PASS')}`;
    const [d] = found(RULE, text);
    expect([d.line, d.text]).toEqual([9, '$VRRP_PASS']);
    expect(d.diagnostic.fix).toBeUndefined();
  });

  it('counts bytes as keepalived does: a password of 8 characters with umlauts is 10 bytes and truncated', () => {
    const text = instance('pässwörd');
    const [d] = found(RULE, text);
    expect(d.message).toContain("auth_pass is 10 bytes (8 characters in UTF-8) long; keepalived truncates it to the first 8 bytes ('pässwö')");
    expect(applyFixTo(text, d.diagnostic.fix!)).toBe(instance('pässwö'));
  });

  it('has no fix when the eighth byte cuts a character in half: no text says what keepalived sends', () => {
    const [e] = found(RULE, instance('passworöd'));
    expect(e.message).toContain("('passwor' and half of the next character)");
    expect(e.diagnostic.fix).toBeUndefined();
  });

  it('applies to AH authentication too', () => {
    expect(where(RULE, instance('lb-web-2024', 'AH'))).toEqual([[8, 'lb-web-2024']]);
  });

  it('does not report passwords of 8 characters or fewer', () => {
    expect(where(RULE, instance('lbweb-51'))).toEqual([]);
    expect(where(RULE, instance('s3cret'))).toEqual([]);
    expect(where(RULE, instance('"web 51"'))).toEqual([]);
    expect(where(RULE, instance('pässwö'))).toEqual([]);
  });
});
