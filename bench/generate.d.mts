// Types for generate.mjs, which tests import too.
export function generateConfig(virtualServers: number): string;
