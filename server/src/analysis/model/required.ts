// Blocks that keepalived drops when a keyword they need is missing (data: required.json).
import required from '../../../../grammar/keywords/required.json';
import type { ConfigNode } from './config-tree.js';

interface Requirement {
  anyOf: string[];
  consequence: string;
}

const REQUIREMENTS = required as unknown as Record<string, Requirement>;

/** What the block lacks and what keepalived then does, or undefined when it is complete. */
export function missingRequirement(node: ConfigNode): { anyOf: string[]; consequence: string } | undefined {
  const path = node.def?.path;
  const requirement = path ? REQUIREMENTS[path] : undefined;
  if (!requirement || node.def?.kind !== 'block') return undefined;
  // A keyword written without its value is missing-argument's finding (keepalived stops reading there).
  const present = requirement.anyOf.some((name) => node.children.some((c) => c.keyword.value === name));
  return present ? undefined : requirement;
}
