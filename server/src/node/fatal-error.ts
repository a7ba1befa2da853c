// A failure that ends a CLI run with exit code 2 and a message on stderr (an unreadable input,
// an unusable workspace file); thrown by the node layer the CLI and the server share.
export class FatalError extends Error {}
