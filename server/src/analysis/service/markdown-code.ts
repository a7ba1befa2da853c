// Text from a config or a workspace file shown in Markdown (hover): always as a code span, so
// a value such as `[link](http://x) <img src=x>` is shown as written, never rendered as a
// link, an image or HTML.

const longestBacktickRun = (text: string) => Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));

/** `text` as an inline code span whose fence no backtick run inside can close. */
export function codeSpan(text: string): string {
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  const flat = text.replace(/\r?\n/g, ' ');
  // One space on each side is stripped again by Markdown; it keeps edge backticks and spaces.
  const pad = /^[ `]|[ `]$/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
