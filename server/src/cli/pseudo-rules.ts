// Diagnostics the CLI reports that no rule in the registry produces, with SARIF metadata.
import { TOO_MANY_PROBLEMS } from '../analysis/cap.js';
import { INVALID_WORKSPACE_FILE } from '../analysis/host/workspace-problems.js';
import { CONFIG_IDS_NOT_CHECKED } from '../analysis/variants.js';
import type { RuleMeta } from '../analysis/types.js';
import { INTERNAL_ERROR } from '../node/lint-target.js';

export { INTERNAL_ERROR, INVALID_WORKSPACE_FILE };

export const pseudoRuleMetas: readonly RuleMeta[] = [
  {
    id: INVALID_WORKSPACE_FILE,
    defaultSeverity: 'error',
    category: 'host',
    description: 'A problem in keepalived-lint.yaml: a value of the wrong type, an unknown key, or a fact that cannot be read.',
    fixable: false,
  },
  {
    id: INTERNAL_ERROR,
    defaultSeverity: 'error',
    category: 'syntax',
    description: 'keepalived-lint itself failed while checking this file; please report it with the file that triggers it.',
    fixable: false,
  },
  {
    id: TOO_MANY_PROBLEMS,
    defaultSeverity: 'error',
    category: 'syntax',
    description: 'More problems in one file than the per-file limit (--max-problems, default 1000): the rest are counted here, not shown.',
    fixable: false,
  },
  {
    id: CONFIG_IDS_NOT_CHECKED,
    defaultSeverity: 'info',
    category: 'syntax',
    description: 'A file with @id lines reads differently under more config ids than one lint checks (64 readings, fewer for very big files): the ids left out are named; choose them with --config-id.',
    fixable: false,
  },
];
