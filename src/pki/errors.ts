/** Every failure of the test PKI that a user can cause (bad input, missing files) is a PkiError with a readable message. */
export class PkiError extends Error {
  override readonly name = 'PkiError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Short text for an unknown thrown value, for wrapping into a PkiError message. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
