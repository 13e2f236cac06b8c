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
  /** Sends a WebSocket Ping control frame (optional: in-memory sockets may lack it). */
  ping?(data?: string): void;
  /** Called for every Pong received (the answer to our ping, or an unsolicited one). */
  onPong?(listener: (data: string) => void): void;
  /** True while messages can be sent (optional). */
  readonly isOpen?: boolean;
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
  serverCertIssuer?: string;
  /** Client side: the server's leaf certificate as PEM (for checks on its key, serial number and names). */
  serverCertPem?: string;
  compression?: boolean;
  /** OCPP security profile the connection was opened under (0 = plain ws without auth, development only). */
  securityProfile?: 0 | 1 | 2 | 3;
}
