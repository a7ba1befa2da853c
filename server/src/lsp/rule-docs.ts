// Where a diagnostic's rule link points: the rule's page in the docs shipped beside the bundled
// server (the npm package and the .vsix both carry docs/rules, so the link works offline and
// matches the installed version), else the page in the repository named in package.json.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocUri } from '../cli/package-info.js';

/** docs/rules relative to server/out/server.js. */
const SHIPPED_DOCS = join(__dirname, '..', '..', 'docs', 'rules');
const shipped = existsSync(SHIPPED_DOCS);

export const ruleDocHref = (rule: string): string => (shipped ? pathToFileURL(join(SHIPPED_DOCS, `${rule}.md`)).href : ruleDocUri(rule));
