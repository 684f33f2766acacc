// The archive cannot be used (archive.md; outputs.md exit 2): not an archive, damaged, a newer
// or older schema, busy, a server that cannot be reached or refuses the login. One Chinese line
// for the clerk; main.ts prints it as it prints every UsageError, without a stack trace.

import { UsageError } from "../domain/usage-error.js";

export class ArchiveError extends UsageError {}
