// The seam between transport (WebSocket, TLS, auth) and RPC (frames, correlation).
// The RPC layer only ever sees a WireSocket, so it can be tested over an in-memory pair.

export interface WireSocket {
  /** Sends one text message exactly as given (the raw-send path for negative cases uses this too). */
  send(text: string): void;
  /** Closing handshake with an optional code and reason. */
  close(code?: number, reason?: string): void;
  /** Drops the TCP connection with no closing handshake (simulates a vanished peer). */
  terminate(): void;
  onMessage(listener: (text: string, isBinary: boolean) => void): void;
  onClose(listener: (code: number, reason: string) => void): void;
  readonly facts: HandshakeFacts;
}

/** What a connection's opening established; written to the trace for every connection. */
export interface HandshakeFacts {
  connectionId: string;
  /** Our side of this connection. */
  side: 'server' | 'client';
  url: string;
  identity: string;
  remoteAddress?: string;
  offeredSubprotocols: string[];
  chosenSubprotocol?: string;
  authUser?: string;
  /** Whether the Basic Auth password matched (server side only). */
  authOk?: boolean;
  tlsVersion?: string;
  tlsCipher?: string;
  clientCertSubject?: string;
  clientCertIssuer?: string;
  serverCertSubject?: string;
  compression?: boolean;
}
