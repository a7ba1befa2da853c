import { describe, expect, it } from 'vitest';
import { applyFixTo, found, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'undefined-reference';

const GLOBAL = 'global_defs {\n    enable_script_security\n    script_user keepalived_script\n}\n';
const script = (name: string) => `vrrp_script ${name} {\n    script "/usr/local/bin/check_haproxy"\n    interval 2\n}\n`;
const instance = (tracked: string) => [
  'vrrp_instance VI_1 {',
  '    state BACKUP',
  '    interface eth0',
  '    virtual_router_id 51',
  '    priority 100',
  '    virtual_ipaddress {',
  '        10.0.0.100/24',
  '    }',
  '    track_script {',
  `        ${tracked}`,
  '    }',
  '}',
  '',
].join('\n');

describe(RULE, () => {
  it('reports a misspelt track_script with a fix to the defined script', () => {
    const text = GLOBAL + script('chk_haproxy') + instance('chk_haproxi');
    const [d, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([d.line, d.text, d.severity]).toEqual([18, 'chk_haproxi', 'error']);
    expect(d.message).toContain("vrrp_script 'chk_haproxi' is not defined; keepalived ignores this reference. Did you mean 'chk_haproxy'?");
    expect(applyFixTo(text, d.diagnostic.fix!)).toBe(GLOBAL + script('chk_haproxy') + instance('chk_haproxy'));
  });

  it('reports a script defined after the instance that tracks it', () => {
    const text = GLOBAL + instance('chk_haproxy') + script('chk_haproxy');
    const [d] = found(RULE, text);
    expect([d.line, d.text]).toEqual([14, 'chk_haproxy']);
    expect(d.message).toContain('is defined after this reference (line 17)');
    expect(d.message).toContain('Move the vrrp_script block above its first use');
    expect(d.diagnostic.fix).toBeUndefined();
  });

  it('reports a reference to a definition keepalived drops because it is incomplete', () => {
    const text = `${GLOBAL}vrrp_script chk_haproxy {\n    interval 2\n}\n${instance('chk_haproxy')}`;
    const [d] = found(RULE, text);
    expect([d.line, d.text]).toEqual([17, 'chk_haproxy']);
    expect(d.message).toContain("vrrp_script 'chk_haproxy' (line 5) is dropped by keepalived because it is incomplete");
  });

  it('reports sync group members and virtual_server groups that do not exist', () => {
    const sync = 'vrrp_sync_group VG_1 {\n    group {\n        VI_1\n        VI_2\n    }\n}\n' + instance('chk_haproxy').replace(/ {4}track_script \{\n.*\n {4}\}\n/, '');
    expect(where(RULE, sync)).toEqual([[4, 'VI_2']]);
    const vsg = 'virtual_server_group VSG_WEB {\n    10.0.0.100 80\n}\nvirtual_server group VSG_WEBB {\n    lvs_sched wlc\n    lvs_method DR\n    protocol TCP\n    real_server 10.0.1.11 80 {\n        weight 1\n    }\n}\n';
    expect(where(RULE, vsg)).toEqual([[4, 'VSG_WEBB']]);
  });

  it('reports an undefined local_address_group under the dpvs dialect', () => {
    const text = 'local_address_group laddr_g1 {\n    10.0.0.21 dpdk0\n}\nvirtual_server 10.0.0.100 80 {\n    lvs_sched rr\n    lvs_method FNAT\n    protocol TCP\n    laddr_group_name laddr_g2\n    real_server 10.0.1.11 80 {\n        weight 1\n    }\n}\n';
    expect(where(RULE, text, { dialect: 'dpvs' })).toEqual([[8, 'laddr_g2']]);
  });

  it('only warns when an included file could not be read, since the definition may be there', () => {
    const text = `include /etc/keepalived/scripts.d/*.conf\n${instance('chk_nginx')}`;
    const [d] = found(RULE, text, {}, memoryFiles({}));
    expect([d.line, d.text, d.severity]).toEqual([11, 'chk_nginx', 'warning']);
    expect(d.message).toContain('some included files could not be read');
  });

  it('finds definitions in included files and accepts references in any order where keepalived allows it', () => {
    const files = memoryFiles({ '/etc/keepalived/scripts.d/haproxy.conf': script('chk_haproxy') });
    expect(where(RULE, `${GLOBAL}include scripts.d/*.conf\n${instance('chk_haproxy')}`, {}, files)).toEqual([]);
    // Sync group members are resolved after the whole file is read.
    const sync = 'vrrp_sync_group VG_1 {\n    group {\n        VI_1\n    }\n}\n' + GLOBAL + script('chk_haproxy') + instance('chk_haproxy');
    expect(where(RULE, sync)).toEqual([]);
  });
});
