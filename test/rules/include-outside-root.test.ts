import { describe, expect, it } from 'vitest';
import { ROOT_ALLOW_HINT } from '../../server/src/cli/lint-root.js';
import { guardRoot } from '../../server/src/node/root-guard.js';
import { found, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'include-outside-root';
const files = memoryFiles({
  '/etc/keepalived/conf.d/web.conf': 'vrrp_script chk_web {\n    script "/usr/bin/true"\n}\n',
  '/home/ops/secret.conf': 'password hunter2\n',
});
const guarded = guardRoot(files, { dir: '/etc/keepalived', allow: ROOT_ALLOW_HINT });

describe(RULE, () => {
  it('refuses an include outside the root and says how to allow it', () => {
    const [hit] = found(RULE, 'include /home/ops/secret.conf\n', {}, guarded);
    expect([hit.line, hit.text]).toEqual([1, '/home/ops/secret.conf']);
    expect(hit.message).toContain('--include-outside-root');
  });

  it('never quotes the content of the refused file', () => {
    const all = found('unknown-keyword', 'include /home/ops/secret.conf\n', {}, guarded);
    expect(all).toEqual([]);
  });

  it('reads includes inside the root, and everything without a guard', () => {
    expect(where(RULE, 'include conf.d/*.conf\n', {}, guarded)).toEqual([]);
    expect(where(RULE, 'include /home/ops/secret.conf\n', {}, files)).toEqual([]);
  });

  it('refuses a relative path that climbs out of the root', () => {
    expect(where(RULE, 'include ../../home/ops/secret.conf\n', {}, guarded)).toEqual([[1, '../../home/ops/secret.conf']]);
  });
});
