// The station's connection life cycle: connect (with the transport faults), boot or resume, lose the connection,
// reconnect with back-off, reboot, go offline and online. The areas take part through their hooks.

import { OcppConnection } from '../../rpc/connection.ts';
import { SUBPROTOCOL_OF } from '../../rpc/types.ts';
import { connect, TransportError } from '../../transport/client.ts';
import { boot } from './areas/boot.ts';
import { connectTrusting } from './areas/certificates.ts';
import { connectFailed } from './areas/network-profile.ts';
import { retryBackOffMs } from './areas/reconnect.ts';
import { connectionFailed, recordSecurityEvent, skipsServerVerification } from './areas/security.ts';
import type { StationCore } from './core.ts';
import { errText } from './state.ts';
import { StationActionError, type BootReason } from './types.ts';

export function start(st: StationCore): void {
  if (st.running) return;
  st.running = true;
  st.nextBootReason = 'PowerUp';
  connectNow(st);
}

export async function stop(st: StationCore): Promise<void> {
  st.running = false;
  halt(st);
  const conn = st.conn;
  st.conn = undefined;
  if (conn && !conn.closed) {
    await new Promise<void>((resolve) => {
      const done = setTimeout(resolve, 2000);
      conn.onClose(() => {
        clearTimeout(done);
        resolve();
      });
      conn.close(1000, 'station stopped');
    });
  }
  st.bootState = 'Down';
}

/** Clears every timer: the core's and each area's. */
function halt(st: StationCore): void {
  clearTimeout(st.reconnectTimer);
  clearTimeout(st.rebootTimer);
  for (const area of st.areas) area.halt?.(st);
}

function connectNow(st: StationCore): void {
  if (!st.running || !st.networkUp || st.connecting || st.conn) return;
  st.connecting = true;
  if (st.bootState === 'Down') st.bootState = 'Connecting';
  void openConnection(st).finally(() => {
    st.connecting = false;
  });
}

async function openConnection(st: StationCore): Promise<void> {
  const subprotocols = st.faults.has('subprotocol.wrong') ? ['ocpp0.0-unknown'] : [SUBPROTOCOL_OF[st.version]];
  let socket;
  try {
    // The CSMS root the station trusts may have been replaced over OCPP (certificates area, M05).
    socket = await connectTrusting(st, (tls) => connect({
      url: st.opts.csmsUrl,
      identity: st.identity,
      subprotocols,
      securityProfile: st.opts.securityProfile ?? 0,
      password: st.opts.password,
      tls,
      handshakeTimeoutMs: st.timers.handshakeTimeoutMs,
      trace: st.trace,
      misbehave: { wrongPassword: st.faults.has('auth.wrongPassword'), skipServerVerification: skipsServerVerification(st) },
    }));
  } catch (e) {
    connectionFailed(st, e);
    if (e instanceof TransportError && e.kind === 'http-status' && e.status === 401) {
      recordSecurityEvent(st, 'FailedToAuthenticateAtCsms', `HTTP 401 from ${st.opts.csmsUrl}`);
    }
    st.note(`connection to ${st.opts.csmsUrl} failed: ${errText(e)}`);
    connectFailed(st);
    scheduleReconnect(st);
    return;
  }
  if (!st.running || !st.networkUp) {
    socket.close(1000, 'station no longer wants this connection');
    return;
  }
  const conn = new OcppConnection(socket, {
    version: st.version,
    localRole: 'ChargingStation',
    trace: st.trace,
    callTimeoutMs: st.timers.callTimeoutMs,
    allowConcurrentCalls: st.faults.has('rpc.concurrentCall'),
  });
  st.conn = conn;
  st.reconnectDelay = st.timers.reconnectMs;
  st.registerHandlers(conn);
  conn.onClose((code, reason) => onConnectionClosed(st, conn, code, reason));
  st.changed();
  if (st.bootState === 'Accepted') {
    // Reconnected after a network loss: no new boot; the areas report what changed and deliver their queues.
    const longOffline = st.offlineSince !== undefined && Date.now() - st.offlineSince > offlineThresholdMs(st);
    st.offlineSince = undefined;
    if (longOffline) for (const c of st.allConnectors()) c.connector.reported = undefined;
    for (const area of st.areas) area.reconnected?.(st);
  } else {
    st.offlineSince = undefined;
    void boot(st);
  }
}

function disconnected(st: StationCore): void {
  st.offlineSince ??= Date.now();
  if (st.bootState !== 'Accepted' && st.bootState !== 'Down') st.bootState = 'Connecting';
  for (const area of st.areas) area.disconnected?.(st);
}

function onConnectionClosed(st: StationCore, conn: OcppConnection, code: number, reason: string): void {
  if (st.conn !== conn) return;
  st.conn = undefined;
  disconnected(st);
  st.note(`connection closed (${code}${reason ? ` ${reason}` : ''})`);
  st.changed();
  scheduleReconnect(st);
}

function scheduleReconnect(st: StationCore): void {
  if (!st.running || !st.networkUp || st.rebootTimer !== undefined) return;
  clearTimeout(st.reconnectTimer);
  const delay = retryBackOffMs(st) ?? st.reconnectDelay;
  st.reconnectDelay = Math.min(st.reconnectDelay * 2, st.timers.reconnectMaxMs);
  st.reconnectTimer = setTimeout(() => {
    st.reconnectTimer = undefined;
    connectNow(st);
  }, delay);
}

function offlineThresholdMs(st: StationCore): number {
  return st.timers.offlineThresholdMs ?? st.dm.int('OCPPCommCtrlr', 'OfflineThreshold') * 1000;
}

/** Power cycle / reset: drop the connection, forget volatile state, come back and boot with `reason`. */
export function reboot(st: StationCore, reason: BootReason): void {
  if (!st.running) throw new StationActionError('the station is stopped');
  halt(st);
  st.pendingStationReset = undefined;
  for (const area of st.areas) area.rebooting?.(st);
  st.bootState = 'Down';
  st.nextBootReason = reason;
  const conn = st.conn;
  st.conn = undefined;
  if (conn && !conn.closed) conn.close(1000, 'station reboots');
  st.rebootTimer = setTimeout(() => {
    st.rebootTimer = undefined;
    st.reconnectDelay = st.timers.reconnectMs;
    connectNow(st);
  }, st.timers.rebootMs);
  st.changed();
}

export function goOffline(st: StationCore): void {
  st.networkUp = false;
  clearTimeout(st.reconnectTimer);
  const conn = st.conn;
  st.conn = undefined;
  disconnected(st);
  if (conn && !conn.closed) conn.terminate();
  st.changed();
}

export function goOnline(st: StationCore): void {
  st.networkUp = true;
  st.reconnectDelay = st.timers.reconnectMs;
  connectNow(st);
  st.changed();
}
