import { describe, expect, it } from 'vitest';
import { found, where } from '../helpers/lint-text.js';

const RULE = 'wrong-block';

describe(RULE, () => {
  it('reports an instance keyword written in global_defs and names where it belongs', () => {
    const text = 'global_defs {\n    router_id LB1\n    priority 100\n}\n';
    const [d, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([d.line, d.text]).toEqual([3, 'priority']);
    expect(d.message).toContain("'priority' is not valid in 'global_defs'; it belongs in 'vrrp_instance'");
    expect(d.message).toContain('ignores it');
  });

  it('reports a global_defs keyword at the top level', () => {
    const text = 'router_id LB1\nglobal_defs {\n    enable_script_security\n}\n';
    expect(where(RULE, text)).toEqual([[1, 'router_id']]);
    expect(found(RULE, text)[0].message).toContain("not valid in the top level; it belongs in 'global_defs'");
  });

  it('reports a virtual_server keyword inside a vrrp_instance, naming the instance', () => {
    const text = [
      'vrrp_instance VI_1 {',
      '    state BACKUP',
      '    interface eth0',
      '    virtual_router_id 51',
      '    delay_loop 6',
      '    virtual_ipaddress {',
      '        10.0.0.100/24',
      '    }',
      '}',
      '',
    ].join('\n');
    expect(where(RULE, text)).toEqual([[5, 'delay_loop']]);
    const [d] = found(RULE, text);
    expect(d.message).toContain("not valid in 'vrrp_instance VI_1'");
    expect(d.message).toContain("'virtual_server'");
  });

  it('explains when a keyword lands in the wrong block because of an unknown keyword above it', () => {
    const text = [
      'vrrp_instance VI_1 {',
      '    interface eth0',
      '    virtual_router_id 51',
      '    vendor_options {',
      '        fast_failover on',
      '    }',
      '    priority 100',
      '}',
      '',
    ].join('\n');
    expect(where(RULE, text)).toEqual([[7, 'priority']]);
    const [d] = found(RULE, text);
    expect(d.message).toContain("the braces of 'vendor_options' on line 4 are not a block to keepalived");
  });

  it('does not report keywords in their own blocks, including nested ones', () => {
    const text = [
      'global_defs {',
      '    router_id LB1',
      '}',
      'vrrp_instance VI_1 {',
      '    state BACKUP',
      '    interface eth0',
      '    virtual_router_id 51',
      '    priority 100',
      '    authentication {',
      '        auth_type PASS',
      '        auth_pass s3cret',
      '    }',
      '    virtual_ipaddress {',
      '        10.0.0.100/24',
      '    }',
      '}',
      'virtual_server 10.0.0.100 80 {',
      '    delay_loop 6',
      '    lvs_sched wlc',
      '    lvs_method DR',
      '    protocol TCP',
      '    real_server 10.0.1.11 80 {',
      '        weight 1',
      '        TCP_CHECK {',
      '            connect_timeout 3',
      '            delay_loop 10',
      '        }',
      '    }',
      '}',
      '',
    ].join('\n');
    expect(where(RULE, text)).toEqual([]);
  });

  it('leaves misspelt keywords and DPVS-only keywords to other rules', () => {
    const text = [
      'virtual_server 10.0.0.100 80 {',
      '    lvs_sched wlc',
      '    lvs_method NAT',
      '    protocol TCP',
      '    delay_lop 6',
      '    syn_proxy',
      '    real_server 10.0.1.11 80 {',
      '        weight 1',
      '    }',
      '}',
      '',
    ].join('\n');
    expect(where(RULE, text)).toEqual([]);
    expect(where('unknown-keyword', text)).toEqual([[5, 'delay_lop']]);
    expect(where('dialect-keyword', text)).toEqual([[6, 'syn_proxy']]);
  });
});
