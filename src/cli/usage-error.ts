// A command line the CLI cannot act on: the command prints the message and exits 2 before anything runs.
export class UsageError extends Error {}
