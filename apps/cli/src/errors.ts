/** A failure the user must fix: printed as is, exit code 2. Its own module so main.ts loads no package to know it. */
export class UsageError extends Error {}
