// What a parse says, in a comparable form: for checking an incremental parse against a full one.
import type { ParseResult } from '../../grammar/index.js';

/** Items, comments, issues (in position order, like diagnostics) and the text. */
export function parseEssence(result: ParseResult) {
  const issues = [...result.issues].sort((a, b) => a.span.start - b.span.start || a.kind.localeCompare(b.kind));
  return { items: result.document.items, comments: result.comments, issues, text: result.files[0].text };
}
