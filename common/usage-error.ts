/** A command given something it cannot work with (a wrong URL, a server that does not answer): exit 2 with this message. */
export class UsageError extends Error {}
