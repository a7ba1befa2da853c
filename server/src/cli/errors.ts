// Failures that end the run with exit code 2 and a message on stderr, and the exit codes.
export { FatalError } from '../node/fatal-error.js';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FATAL = 2;
