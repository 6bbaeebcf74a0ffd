/** A failed tRPC call as the forms see it: the message, and the server's per-field messages if any. */
type CallError = { message: string; data?: { fieldErrors?: Record<string, string> | null } | null };

/**
 * The message of a failed call that no field shows: the server's own (already in Portuguese) when it
 * answered, `fallback` when the request itself failed. Null when there is no error or when the
 * error is shown next to its fields.
 */
export function formError(error: CallError | null | undefined, fallback: string): string | null {
  if (!error) return null;
  const fields = error.data?.fieldErrors;
  if (fields && Object.keys(fields).length > 0) return null;
  return error.data ? error.message : fallback;
}
