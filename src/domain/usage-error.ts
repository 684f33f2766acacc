// "The command could not run" (outputs.md exit code 2): bad flags, a missing PATH, a bad rules
// file, an output that exists without --force. The message is Chinese and shown as it is.
export class UsageError extends Error {
  override readonly name = "UsageError";
}
