// Failures that end the run with exit code 2 and a message on stderr.
export class FatalError extends Error {}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FATAL = 2;
