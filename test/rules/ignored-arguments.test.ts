import { describe, expect, it } from 'vitest';
import { applyFixTo, found, lintSnippet, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'ignored-arguments';

const instance = (auth: string) => `vrrp_instance VI_WEB {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
    authentication {
${auth}    }
    virtual_ipaddress {
        10.0.0.100/24
    }
}
`;

const service = (settings: string) => `virtual_server 10.0.0.100 80 {
${settings}    protocol TCP
    real_server 10.0.1.11 80 {
        weight 1
    }
}
`;

describe(RULE, () => {
  it('reports statements written on one line, naming what is never set', () => {
    const text = instance('        auth_type PASS auth_pass 1111\n');
    const [hit, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([hit.line, hit.text]).toEqual([7, 'auth_pass 1111']);
    expect(hit.severity).toBe('warning');
    expect(hit.message).toBe("keepalived reads one statement per line: 'auth_pass 1111' after 'auth_type' is ignored without a warning, so 'auth_pass' is never set. Put it on its own line");
  });

  it('splits the line into one statement per line, keeping the indentation', () => {
    const text = instance('        auth_type PASS auth_pass 1111\n');
    const [hit] = found(RULE, text);
    expect(applyFixTo(text, hit.diagnostic.fix!)).toBe(instance('        auth_type PASS\n        auth_pass 1111\n'));
    const three = service('    delay_loop 6 lb_algo rr lb_kind DR\n');
    const [all] = found(RULE, three);
    expect(all.message).toContain("so 'lb_algo', 'lb_kind' are never set. Put each statement on its own line");
    expect(applyFixTo(three, all.diagnostic.fix!)).toBe(service('    delay_loop 6\n    lb_algo rr\n    lb_kind DR\n'));
  });

  it('keeps the config id of a conditional line on every line of the split', () => {
    const text = service('@lb1    delay_loop 6 lb_algo rr\n');
    const [hit] = found(RULE, text);
    expect(applyFixTo(text, hit.diagnostic.fix!)).toBe(service('@lb1    delay_loop 6\n@lb1    lb_algo rr\n'));
  });

  it('reports in an included file, and offers no fix for words that come from a $NAME definition', () => {
    const files = memoryFiles({ '/etc/keepalived/auth.conf': 'auth_type PASS auth_pass 1111\n' });
    const inIncluded = lintSnippet(instance('        include /etc/keepalived/auth.conf\n'), {}, files).filter((d) => d.rule === RULE);
    expect(inIncluded.map((d) => [d.path, d.start, d.end])).toEqual([['/etc/keepalived/auth.conf', 15, 29]]);
    const named = `$AUTH=auth_type PASS auth_pass 1111\n${instance('        $AUTH\n')}`;
    const [hit] = found(RULE, named);
    expect(hit.message).toContain("'auth_pass 1111' after 'auth_type' is ignored");
    expect(hit.diagnostic.fix).toBeUndefined();
  });

  it('reports a value after a flag: nopreempt 0 still disables preemption', () => {
    // Seen on a file keepalived accepts (nopreempt 1): the value reads as a switch, but
    // vrrp_nopreempt_handler() never looks at it, so 'nopreempt 0' is as much nopreempt as '1'.
    const text = instance('        auth_type PASS\n').replace('    priority 100\n', '    priority 100\n    nopreempt 0\n');
    const [hit] = found(RULE, text);
    expect([hit.line, hit.text]).toEqual([6, '0']);
    expect(hit.message).toBe("'nopreempt' takes no value: keepalived ignores '0' without a warning and sets nopreempt all the same");
    expect(hit.diagnostic.fix).toBeUndefined();
  });

  it('accepts one statement per line, a keyword\'s own optional words, and words it cannot call dropped', () => {
    expect(where(RULE, instance('        auth_type PASS\n        auth_pass 1111\n'))).toEqual([]);
    expect(where(RULE, service('    delay_loop 6\n    lb_algo rr\n    lb_kind DR\n'))).toEqual([]);
    // The script line takes the whole command; a block's header words are not judged.
    expect(where(RULE, 'vrrp_script chk {\n    script "/usr/bin/pgrep -x haproxy"\n    interval 2\n}\n')).toEqual([]);
  });

  it('leaves arguments of a value block to syntax-error (keepalived reports them)', () => {
    const text = instance('        auth_type PASS\n').replace('    virtual_ipaddress {', '    virtual_ipaddress 10.0.0.100/24 {');
    expect(where(RULE, text)).toEqual([]);
  });
});
