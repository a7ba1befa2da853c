// Hover shows text from the config and the workspace file as code: a `$X` value, an address or
// a host name holding Markdown or HTML is shown as written, never rendered as a link or image.
import { describe, expect, it } from 'vitest';
import { readWorkspaceFile } from '../../server/src/analysis/host/from-workspace.js';
import { lint } from '../../server/src/analysis/index.js';
import { codeSpan } from '../../server/src/analysis/service/markdown-code.js';
import { hover } from '../../server/src/lsp/hover.js';

// (`!` starts a comment in keepalived, so images are tested through the workspace file.)
const HOSTILE = '[link](http://x) <img src=x onerror=alert(1)> **bold**';

function hoverAt(text: string, needle: string, workspace?: string) {
  const path = '/ws/keepalived.conf';
  const facts = workspace === undefined ? undefined : readWorkspaceFile('/ws/keepalived-lint.yaml', workspace).facts;
  const analysis = { uri: 'file:///ws/keepalived.conf', path, version: 1, text, result: lint({ path, text, facts }) };
  const answer = hover(analysis, text.lastIndexOf(needle) + 1, {}, facts);
  return (answer?.contents as { value: string } | undefined)?.value;
}

/** What Markdown shows for a code span: its content with the one padding space on each side removed. */
function spanContent(span: string): string {
  const fence = /^`+/.exec(span)![0];
  expect(span.endsWith(fence)).toBe(true);
  const inner = span.slice(fence.length, -fence.length);
  expect(inner.includes(fence)).toBe(false);
  return inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() ? inner.slice(1, -1) : inner;
}

describe('hover markup', () => {
  it('shows a $X value with links, images and HTML as code', () => {
    const value = hoverAt(`$X=${HOSTILE}\nglobal_defs {\n  router_id $X\n}\n`, '$X');
    expect(value).toBe(`\`$X\` = \`${HOSTILE}\``);
  });

  it('keeps a value with backticks inside one code span', () => {
    const value = hoverAt('$X=a ``` `b` [i](y)`\nglobal_defs {\n  router_id $X\n}\n', '$X');
    expect(value).toBe('`$X` = ```` a ``` `b` [i](y)` ````');
    expect(spanContent(value!.slice('`$X` = '.length))).toBe('a ``` `b` [i](y)`');
  });

  it('shows host names and labels from the workspace file as code', () => {
    const workspace = `hosts:\n  "<img src=x>":\n    labels: ["[l](http://x)"]\n    interfaces:\n      "![e](y)": [10.0.0.5/24]\n`;
    const value = hoverAt('vrrp_instance VI_1 {\n  unicast_peer {\n    10.0.0.5\n  }\n}\n', '10.0.0.5', workspace);
    expect(value).toBe('`10.0.0.5` belongs to `<img src=x>` (labels `[l](http://x)`) on `![e](y)`.');
  });

  it('pads spans whose text starts or ends with a backtick or a space', () => {
    for (const text of ['`x', 'x`', ' x', 'x ', ' x ', '``', 'a\nb']) expect(spanContent(codeSpan(text))).toBe(text.replace('\n', ' '));
  });
});
