// Reusable states when the SUT is a CSMS (the test system plays a Charging Station). The test system produces the
// station's messages itself; the CSMS is judged on its answers.
import { ExpectationFailed, PreconditionFailed } from '../peer/errors.ts';
import { allConnectors, validToken } from '../peer/settings.ts';
import { check } from './context.ts';
import type { CsmsContext } from './context.ts';
import { letProtocolTimePass } from '../peer/protocol-time.ts';
import { AVAILABILITY_STATES } from './csms-availability.ts';
import { CERTIFICATE_STATES } from './csms-certificates.ts';
import { RESERVATION_STATES } from './csms-reservation.ts';
import { SECURITY_STATES } from './csms-security.ts';
import { SMART_CHARGING_STATES } from './csms-smart-charging.ts';

type Json = Record<string, unknown>;

/** Every configured connector reported with `status` (StatusNotification + NotifyEvent), each answer awaited. */
export async function reportAllConnectors(ctx: CsmsContext, status: (evseId: number, connectorId: number) => string): Promise<void> {
  for (const c of allConnectors(ctx.settings)) await ctx.peer.reportConnector(c.evseId, c.connectorId, status(c.evseId, c.connectorId));
}

/** Booted: BootNotification (PowerUp) must be Accepted; then every connector Available. */
export async function booted(ctx: CsmsContext, reason = 'PowerUp'): Promise<void> {
  if (!ctx.peer.connected) await ctx.peer.connect();
  const boot = await ctx.peer.request('BootNotification', { reason, chargingStation: { model: ctx.settings.model, vendorName: ctx.settings.vendorName } });
  check(ctx, 'BootNotificationResponse', boot.payload, [['status', 'Accepted']], boot.frame);
  ctx.memory.set('bootResponse', boot.payload);
  await reportAllConnectors(ctx, (e, c) => ctx.peer.model.connectorStatus.get(`${e}/${c}`) ?? 'Available');
  ctx.reached.add('Booted');
}

/** Authorized: AuthorizeRequest with the valid token (Accepted), then TransactionEvent Authorized (Accepted). */
export async function authorized(ctx: CsmsContext): Promise<void> {
  const tok = validToken(ctx.settings);
  const auth = await ctx.peer.request('Authorize', { idToken: { idToken: tok.idToken, type: tok.type } });
  check(ctx, 'AuthorizeResponse', auth.payload, [['idTokenInfo.status', 'Accepted']], auth.frame);
  const te = await ctx.peer.request('TransactionEvent', {
    ...ctx.peer.template('TransactionEvent'),
    triggerReason: 'Authorized',
    idToken: { idToken: tok.idToken, type: tok.type },
  });
  check(ctx, 'TransactionEventResponse', te.payload, [['idTokenInfo.status', 'Accepted']], te.frame);
  ctx.memory.set('transactionId', ctx.peer.model.tx?.id);
  ctx.reached.add('Authorized');
}

/** EVConnectedPreSession: connector Occupied, TransactionEvent CablePluggedIn / EVConnected. */
export async function evConnectedPreSession(ctx: CsmsContext): Promise<void> {
  const { evseId, connectorId } = ctx.settings;
  await ctx.peer.reportConnector(evseId, connectorId, 'Occupied');
  const base = ctx.peer.template('TransactionEvent');
  await ctx.peer.request('TransactionEvent', {
    ...base,
    triggerReason: 'CablePluggedIn',
    transactionInfo: { ...(base.transactionInfo as Json), chargingState: 'EVConnected' },
    evse: { id: evseId, connectorId },
  });
  ctx.memory.set('transactionId', ctx.peer.model.tx?.id);
  ctx.reached.add('EVConnectedPreSession');
}

/** EnergyTransferStarted: Authorized if needed, plugged in if needed, then ChargingStateChanged -> Charging. */
export async function energyTransferStarted(ctx: CsmsContext): Promise<void> {
  if (!ctx.reached.has('Booted')) await booted(ctx);
  if (!ctx.reached.has('Authorized')) await authorized(ctx);
  if (!ctx.reached.has('EVConnectedPreSession')) await evConnectedPreSession(ctx);
  const base = ctx.peer.template('TransactionEvent');
  await ctx.peer.request('TransactionEvent', {
    ...base,
    triggerReason: 'ChargingStateChanged',
    transactionInfo: { ...(base.transactionInfo as Json), chargingState: 'Charging' },
  });
  ctx.reached.add('EnergyTransferStarted');
}

/** A TransactionEvent of the open transaction: the model's defaults, the given trigger and charging state, more fields. */
async function transactionEvent(ctx: CsmsContext, triggerReason: string, info: Json, fields: Json = {}): Promise<Json> {
  const base = ctx.peer.template('TransactionEvent');
  const res = await ctx.peer.request('TransactionEvent', { ...base, triggerReason, transactionInfo: { ...(base.transactionInfo as Json), ...info }, ...fields });
  return res.payload as Json;
}

/** Part 6 lets the configured transaction duration pass before the driver suspends or stops the session. */
async function transactionDuration(ctx: CsmsContext): Promise<void> {
  await letProtocolTimePass(ctx.settings.transactionDurationMs, 'the configured transaction duration', (m) => ctx.peer.note(m));
}

async function ensure(ctx: CsmsContext, state: string, enterIt: (ctx: CsmsContext) => Promise<void>): Promise<void> {
  if (!ctx.reached.has(state)) await enterIt(ctx);
}

/** EnergyTransferSuspended: after the transaction duration, ChargingStateChanged -> SuspendedEV. */
export async function energyTransferSuspended(ctx: CsmsContext): Promise<void> {
  await ensure(ctx, 'EnergyTransferStarted', energyTransferStarted);
  await transactionDuration(ctx);
  await transactionEvent(ctx, 'ChargingStateChanged', { chargingState: 'SuspendedEV' });
  ctx.reached.add('EnergyTransferSuspended');
}

/** StopAuthorized: after the transaction duration, the driver presents the token again; the CSMS must accept it. */
export async function stopAuthorized(ctx: CsmsContext): Promise<void> {
  await ensure(ctx, 'EnergyTransferStarted', energyTransferStarted);
  await transactionDuration(ctx);
  const tok = validToken(ctx.settings);
  const base = ctx.peer.template('TransactionEvent');
  const te = await ctx.peer.request('TransactionEvent', { ...base, triggerReason: 'StopAuthorized', idToken: { idToken: tok.idToken, type: tok.type } });
  check(ctx, 'TransactionEventResponse', te.payload, [['idTokenInfo.status', 'Accepted']], te.frame);
  ctx.reached.add('StopAuthorized');
}

/** EVConnectedPostSession: energy transfer over, the EV still plugged in (ChargingStateChanged -> EVConnected). */
export async function evConnectedPostSession(ctx: CsmsContext): Promise<void> {
  await ensure(ctx, 'StopAuthorized', stopAuthorized);
  await transactionEvent(ctx, 'ChargingStateChanged', { chargingState: 'EVConnected' });
  ctx.reached.add('EVConnectedPostSession');
}

/** EVDisconnected: connector Available again, then the Ended event (EVCommunicationLost, Idle, EVDisconnected). */
export async function evDisconnected(ctx: CsmsContext): Promise<void> {
  await ensure(ctx, 'EVConnectedPostSession', evConnectedPostSession);
  const { evseId, connectorId } = ctx.settings;
  await ctx.peer.reportConnector(evseId, connectorId, 'Available');
  await transactionEvent(ctx, 'EVCommunicationLost', { chargingState: 'Idle', stoppedReason: 'EVDisconnected' }, { eventType: 'Ended' });
  for (const s of ['Authorized', 'EVConnectedPreSession', 'EnergyTransferStarted', 'EnergyTransferSuspended', 'StopAuthorized', 'EVConnectedPostSession']) ctx.reached.delete(s);
  ctx.reached.add('EVDisconnected');
}

export const CSMS_STATES: Record<string, (ctx: CsmsContext) => Promise<void>> = {
  Booted: (ctx) => booted(ctx),
  Authorized: authorized,
  EVConnectedPreSession: evConnectedPreSession,
  EnergyTransferStarted: energyTransferStarted,
  EnergyTransferSuspended: energyTransferSuspended,
  StopAuthorized: stopAuthorized,
  EVConnectedPostSession: evConnectedPostSession,
  EVDisconnected: evDisconnected,
  ...SECURITY_STATES,
  ...AVAILABILITY_STATES,
  ...CERTIFICATE_STATES,
  ...RESERVATION_STATES,
  ...SMART_CHARGING_STATES,
};

/** General precondition: connected and accepted. A CSMS that refuses the boot here makes the case INCONCLUSIVE. */
export async function connectedAndAccepted(ctx: CsmsContext): Promise<void> {
  await ctx.peer.connect();
  try {
    await booted(ctx);
  } catch (e) {
    if (e instanceof ExpectationFailed) throw new PreconditionFailed(`the CSMS did not accept the test system's station at the start: ${e.actual}`);
    throw e;
  }
  ctx.peer.inbox.advanceCursor();
}

/** Waits the retry interval a Pending/Rejected BootNotificationResponse gave (0 -> the configured heartbeat interval). */
export async function waitBootInterval(ctx: CsmsContext): Promise<void> {
  const res = ctx.memory.get('bootResponse') as Json | undefined;
  const interval = typeof res?.interval === 'number' && res.interval > 0 ? res.interval : ctx.settings.heartbeatIntervalS;
  await letProtocolTimePass(interval * 1000, 'the boot retry interval the CSMS asked for', (m) => ctx.peer.note(m));
}
