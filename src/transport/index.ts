// Public surface of the transport: the WebSocket server (test system as CSMS) and client (test system as Charging Station).
export { startServer, DEFAULT_MAX_PAYLOAD } from './server.ts';
export type { ServerOptions, ServerTlsOptions, ServerMisbehaviour, RunningServer, TlsVersion } from './server.ts';
export { connect } from './client.ts';
export type { ClientOptions, ClientTlsOptions, ClientMisbehaviour } from './client.ts';
export { TransportError } from './errors.ts';
export type { TransportErrorKind } from './errors.ts';
export { checkIdentity, identityFromRequestTarget, connectionUrl, MAX_IDENTITY_LENGTH } from './identity.ts';
export type { IdentityRule, IdentityProblem, IdentityCheck } from './identity.ts';
export type { NetWireSocket } from './wire.ts';
export type { WireSocket, HandshakeFacts } from './types.ts';
