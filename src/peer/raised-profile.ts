// A second listener of the test system at a raised security profile (Part 6 TC_A_19_CS: the OCTT starts another
// WebSocket server for the new connection slot). Against a long-lived station it belongs to the run's endpoint and
// stays for the rest of the run (station-endpoint.ts); against a station started for one case it belongs to that
// case's peer and closes with it. Either way its connections and refusals reach the case like the first listener's.
import type { TraceSink } from '../report/trace-types.ts';
import { SUBPROTOCOL_OF } from '../rpc/types.ts';
import { startServer } from '../transport/server.ts';
import type { RunningServer, ServerTlsOptions } from '../transport/server.ts';
import type { WireSocket } from '../transport/types.ts';
import type { CsmsPeer } from './csms-peer.ts';

/** What a further listener needs from the peer of the case (CsmsPeer.listenerHooks). */
export interface ListenerHooks {
  trace: TraceSink;
  onConnection(socket: WireSocket): void;
  /** False while the case turns the station's attempts away (see CsmsPeer.refuseAtPath). */
  admits(target?: string): boolean;
  /** The Basic Auth password the station must present now; null where none is used. */
  password(): string | null;
  /** The listener closes with the scenario. */
  own(server: RunningServer): void;
}

/**
 * Listens at `securityProfile` (2: TLS with Basic Auth) with `tls`, for the station `identity` only; returns the base
 * URL (the station appends its identity to the connection data's URL).
 */
export async function serveRaisedProfile(peer: CsmsPeer, opts: { securityProfile: 2 | 3; tls: ServerTlsOptions; identity: string; host: string }): Promise<string> {
  const endpoint = peer.runEndpoint;
  if (endpoint) return await endpoint.serveRaisedProfile(opts.securityProfile, opts.tls);
  const hooks = peer.listenerHooks;
  const server = await startServer({
    host: opts.host,
    port: 0,
    securityProfile: opts.securityProfile,
    subprotocols: [SUBPROTOCOL_OF[peer.version]],
    isKnownIdentity: (id, target) => id === opts.identity && hooks.admits(target),
    checkPassword: (_id, pw) => pw === hooks.password(),
    tls: opts.tls,
    trace: hooks.trace,
    onConnection: (socket) => hooks.onConnection(socket),
  });
  hooks.own(server);
  return server.url;
}
