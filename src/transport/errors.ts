// Errors raised by the transport. `kind` tells a caller (and a verdict) what went wrong without
// parsing messages.

export type TransportErrorKind = 'http-status' | 'tls' | 'subprotocol' | 'timeout' | 'network' | 'closed';

export class TransportError extends Error {
  readonly kind: TransportErrorKind;
  /** HTTP status of a refused upgrade (kind 'http-status'). */
  readonly status?: number;
  /** Node / OpenSSL error code or a short machine-readable detail (e.g. 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'). */
  readonly detail?: string;

  constructor(kind: TransportErrorKind, message: string, extra: { status?: number; detail?: string; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'TransportError';
    this.kind = kind;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.detail !== undefined) this.detail = extra.detail;
  }
}
