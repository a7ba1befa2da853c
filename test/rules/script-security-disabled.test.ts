import { describe, expect, it } from 'vitest';
import { applyFixTo, found, where } from '../helpers/lint-text.js';

const RULE = 'script-security-disabled';

const SCRIPTED = [
  'vrrp_script chk_haproxy {',
  '    script "/usr/bin/killall -0 haproxy"',
  '    interval 2',
  '}',
  'vrrp_instance VI_1 {',
  '    state BACKUP',
  '    interface eth0',
  '    virtual_router_id 51',
  '    priority 100',
  '    virtual_ipaddress {',
  '        10.0.0.100/24',
  '    }',
  '    track_script {',
  '        chk_haproxy',
  '    }',
  '    notify_master "/etc/keepalived/notify.sh master"',
  '}',
  '',
].join('\n');

describe(RULE, () => {
  it('reports once, at global_defs, pointing at every script', () => {
    const text = `global_defs {\n    router_id LB1\n}\n${SCRIPTED}`;
    const [d, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([d.line, d.text, d.severity]).toEqual([1, 'global_defs', 'warning']);
    expect(d.message).toContain('scripts are configured but global_defs has no enable_script_security');
    expect(d.message).toContain('SECURITY VIOLATION');
    expect(d.diagnostic.related?.map((r) => r.message)).toEqual(["script 'script'", "script 'notify_master'"]);
  });

  it('suggests adding enable_script_security to the existing global_defs, without an automatic fix', () => {
    const text = `global_defs {\n    router_id LB1\n}\n${SCRIPTED}`;
    const [d] = found(RULE, text);
    expect(d.diagnostic.fix).toBeUndefined();
    expect(applyFixTo(text, d.diagnostic.suggestions![0])).toBe(`global_defs {\n    enable_script_security\n    router_id LB1\n}\n${SCRIPTED}`);
  });

  it('suggests a new global_defs block when there is none', () => {
    const [d] = found(RULE, SCRIPTED);
    expect(d.line).toBe(2);
    expect(applyFixTo(SCRIPTED, d.diagnostic.suggestions![0])).toBe(`global_defs {\n    enable_script_security\n}\n\n${SCRIPTED}`);
  });

  it('counts MISC_CHECK scripts of the checker too', () => {
    const text = [
      'global_defs {',
      '    router_id LB1',
      '}',
      'virtual_server 10.0.0.100 80 {',
      '    lvs_sched wlc',
      '    lvs_method DR',
      '    protocol TCP',
      '    real_server 10.0.1.11 80 {',
      '        weight 1',
      '        MISC_CHECK {',
      '            misc_path "/usr/local/bin/check_web 10.0.1.11"',
      '        }',
      '    }',
      '}',
      '',
    ].join('\n');
    expect(where(RULE, text)).toEqual([[1, 'global_defs']]);
    expect(found(RULE, text)[0].diagnostic.related?.map((r) => r.message)).toEqual(["script 'misc_path'"]);
  });

  it('does not report when global_defs enables script security, or when there are no scripts', () => {
    expect(where(RULE, `global_defs {\n    router_id LB1\n    enable_script_security\n    script_user keepalived_script\n}\n${SCRIPTED}`)).toEqual([]);
    const noScripts = 'global_defs {\n    router_id LB1\n}\nvrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n';
    expect(where(RULE, noScripts)).toEqual([]);
  });

  it('reports once for all config ids, at global_defs, listing every id\'s scripts', () => {
    const text = `global_defs {\n    router_id LB1\n}\n${SCRIPTED.replace('    notify_master', '@lb1    notify_backup "/etc/keepalived/notify.sh backup"\n@lb2    notify_fault "/etc/keepalived/notify.sh fault"\n    notify_master')}`;
    const [d, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([d.line, d.text]).toEqual([1, 'global_defs']);
    expect(d.message).not.toContain('config id');
    expect(d.diagnostic.related?.map((r) => r.message)).toEqual(["script 'script'", "script 'notify_backup'", "script 'notify_master'", "script 'notify_fault'"]);
  });

  it('reports the config ids whose global_defs lacks it', () => {
    const text = `global_defs {\n    router_id LB1\n@lb1    enable_script_security\n}\n${SCRIPTED}`;
    const [d, ...rest] = found(RULE, text, { configIds: ['lb1', 'lb2'] });
    expect(rest).toEqual([]);
    expect(d.message).toContain('(with config id lb2)');
  });
});
