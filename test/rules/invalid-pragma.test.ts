import { describe, expect, it } from 'vitest';
import { found, where } from '../helpers/lint-text.js';

const RULE = 'invalid-pragma';

// An instance without virtual_ipaddress: no-virtual-ipaddress fires on line 1 of this block.
const STANDBY = 'vrrp_instance VI_SYNC {\n    state BACKUP\n    interface eth1\n    virtual_router_id 60\n    priority 100\n}\n';

describe(RULE, () => {
  it('reports an unknown verb at the verb, listing the valid ones', () => {
    const text = `# keepalived-lint disable-nextline no-virtual-ipaddress\n${STANDBY}`;
    const [d, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([d.line, d.text, d.severity]).toEqual([1, 'disable-nextline', 'warning']);
    expect(d.message).toBe("unknown keepalived-lint directive 'disable-nextline' (use disable-next-line, disable-line, disable-file or host=NAME)");
  });

  it('reports an unknown rule id, which then silences nothing', () => {
    const text = `# keepalived-lint disable-next-line no-virtual-ipadress -- sync-only instance\n${STANDBY}`;
    const [d] = found(RULE, text);
    expect([d.line, d.text]).toEqual([1, 'no-virtual-ipadress']);
    expect(d.message).toBe("unknown rule id 'no-virtual-ipadress' in keepalived-lint directive");
    expect(where('no-virtual-ipaddress', text)).toEqual([[2, 'VI_SYNC']]);
  });

  it('reports only the unknown ids of a list, in trailing and ! comments too', () => {
    expect(where(RULE, `! keepalived-lint disable-file unknown-keyword, wrong-blok\n${STANDBY}`)).toEqual([[1, 'wrong-blok']]);
    const trailing = STANDBY.replace('priority 100', 'priority 100   # keepalived-lint disable-line priority-too-high');
    expect(where(RULE, trailing)).toEqual([[5, 'priority-too-high']]);
  });

  it('accepts valid directives: rule ids, workspace rule ids, all, host=NAME and words in the reason', () => {
    const text = [
      '# keepalived-lint host=lb1',
      '# keepalived-lint disable-file pair-priority-tie, duplicate-vrid -- see bogus-rule in the runbook',
      // `all` silences only the next line, so this test still sees problems of the lines above.
      '# keepalived-lint disable-next-line all',
      STANDBY,
    ].join('\n');
    expect(where(RULE, text)).toEqual([]);
  });

  it('does not read comments that only mention keepalived-lint', () => {
    expect(where(RULE, `# checked by keepalived-lint in CI\n# keepalived-linter settings live in keepalived-lint.yaml\n${STANDBY}`)).toEqual([]);
  });

  it('is itself silenced by noInlineConfig, which ignores every directive', () => {
    const text = `# keepalived-lint disable-file no-such-rule\n${STANDBY}`;
    expect(where(RULE, text)).toEqual([[1, 'no-such-rule']]);
    expect(where(RULE, text, { noInlineConfig: true })).toEqual([]);
  });
});
