// Errors of the RPC layer. All extend Error with a message a person can act on.
import type { CallErrorFrame, RpcErrorCode } from './types.ts';

/** Thrown by a handler to answer the CALL with a CALLERROR carrying this code. */
export class OcppError extends Error {
  override readonly name = 'OcppError';
  readonly code: RpcErrorCode;
  readonly description: string;
  readonly details: Record<string, unknown>;
  constructor(code: RpcErrorCode, description = '', details: Record<string, unknown> = {}) {
    super(`${code}${description ? `: ${description}` : ''}`);
    this.code = code;
    this.description = description;
    this.details = details;
  }
}

/** Our CALL got no answer before its deadline. */
export class CallTimeoutError extends Error {
  override readonly name = 'CallTimeoutError';
  constructor(
    readonly action: string,
    readonly messageId: string,
    readonly timeoutMs: number,
  ) {
    super(`no answer to ${action} CALL (id ${messageId}) within ${timeoutMs} ms`);
  }
}

/** The connection closed (or was already closed) before our CALL was answered or even sent. */
export class ConnectionClosedError extends Error {
  override readonly name = 'ConnectionClosedError';
  constructor(
    readonly action: string,
    readonly closeCode: number | undefined,
    readonly closeReason: string,
    readonly wasSent: boolean,
  ) {
    super(
      `connection closed${closeCode !== undefined ? ` (code ${closeCode}${closeReason ? `, "${closeReason}"` : ''})` : ''} ` +
        `${wasSent ? 'before the answer to' : 'before sending'} ${action} CALL`,
    );
  }
}

/** The peer answered our CALL with a CALLERROR. */
export class CallErrorResponse extends Error {
  override readonly name = 'CallErrorResponse';
  readonly code: string;
  readonly description: string;
  readonly details: unknown;
  constructor(
    readonly action: string,
    readonly frame: CallErrorFrame,
  ) {
    super(`${action} CALL (id ${frame.id}) answered with CALLERROR ${frame.code}${frame.description ? `: ${frame.description}` : ''}`);
    this.code = frame.code;
    this.description = frame.description;
    this.details = frame.details;
  }
}

/** The peer answered our CALL with a frame that could not be parsed as a CALLRESULT/CALLERROR. */
export class MalformedResponseError extends Error {
  override readonly name = 'MalformedResponseError';
  constructor(
    readonly action: string,
    readonly messageId: string,
    readonly reason: string,
    readonly raw: string,
  ) {
    super(`malformed answer to ${action} CALL (id ${messageId}): ${reason}`);
  }
}
