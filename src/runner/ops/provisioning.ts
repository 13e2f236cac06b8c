// Operations behind the provisioning steps (block B, SUT = CSMS): connector reports with mixed states, reports the
// CSMS must refuse while the station is not accepted, the boot a TriggerMessage asked for, the connection details an
// operator hands to the CSMS for a new network profile.
import { ExpectationFailed, ScriptError } from '../../peer/errors.ts';
import type { SentCall } from '../../peer/peer.ts';
import { allConnectors } from '../../peer/settings.ts';
import { CallErrorResponse } from '../../rpc/errors.ts';
import { formatOcppDateTime } from '../../schema/index.ts';
import type { CsmsContext, ScenarioContext } from '../../states/context.ts';
import { check } from '../../states/context.ts';
import { reportAllConnectors } from '../../states/csms.ts';
import { asCsms } from '../roles.ts';

type Json = Record<string, unknown>;


/** Every connector reported; the configured one with `configured`, the others with `others`. */
export async function reportConfiguredConnector(ctx: ScenarioContext, configured: string, others: string): Promise<void> {
  const c = asCsms(ctx, 'the test system reports its connectors');
  const { evseId, connectorId } = c.settings;
  await reportAllConnectors(c, (e, n) => (e === evseId && n === connectorId ? configured : others));
}

/** The StatusNotification and NotifyEvent (AvailabilityState) that report one connector, as the station model builds them. */
function connectorReports(c: CsmsContext, evseId: number, connectorId: number, status: string): Array<[string, Json]> {
  const now = formatOcppDateTime(new Date());
  const event = c.peer.template('NotifyEvent');
  for (const d of (event.eventData as Json[] | undefined) ?? []) {
    d.actualValue = status;
    d.timestamp = now;
    d.component = { name: 'Connector', evse: { id: evseId, connectorId } };
  }
  return [
    ['StatusNotification', { ...c.peer.template('StatusNotification'), timestamp: now, connectorStatus: status, evseId, connectorId }],
    ['NotifyEvent', { ...event, generatedAt: now }],
  ];
}

/** The answer to one of our requests must be a CALLERROR with `code`. */
async function expectCallError(c: CsmsContext, call: SentCall, code: string): Promise<void> {
  const expected = `a CALLERROR ${code} to the ${call.action}Request`;
  try {
    const outcome = await call.outcome;
    throw new ExpectationFailed({ expected, actual: `it answered with a ${call.action}Response ${JSON.stringify(outcome.payload)}`, frame: outcome.frame, requirementIds: c.requirementIds });
  } catch (e) {
    if (e instanceof ExpectationFailed) throw e;
    if (e instanceof CallErrorResponse) {
      if (e.code !== code) throw new ExpectationFailed({ expected, actual: `CALLERROR ${e.code}${e.description ? ` ("${e.description}")` : ''}`, frame: e.frame, requirementIds: c.requirementIds });
      return;
    }
    // No answer, closed connection: explained like any other missing answer.
    await c.peer.awaitAnswer(call, c.requirementIds);
  }
}

/** The station reports every connector while it is not accepted; each report must be refused with a CALLERROR `code`. */
export async function connectorReportsRefused(ctx: ScenarioContext, status: string, code: string): Promise<void> {
  const c = asCsms(ctx, 'the CSMS refuses the connector reports');
  c.peer.inbox.advanceCursor();
  for (const { evseId, connectorId } of allConnectors(c.settings)) {
    for (const [action, payload] of connectorReports(c, evseId, connectorId, status)) {
      await expectCallError(c, c.peer.sendRequest(action, payload), code);
    }
  }
}

/**
 * Answering a TriggerMessage(BootNotification) with Accepted makes the station model send that boot (reason
 * Triggered) right after the answer; this waits for it to have been sent, so that the next step judges its answer.
 */
export async function triggeredBootSent(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the test system sends the triggered BootNotificationRequest');
  const trigger = c.memory.get('request:TriggerMessage') as { answer?: { payload?: Json; at: number } } | undefined;
  if (trigger?.answer?.payload?.status !== 'Accepted') throw new ScriptError('an earlier step must have answered a TriggerMessageRequest(BootNotification) with Accepted');
  await c.peer.settleFollowUps();
  const boot = c.peer.sent.filter((s) => s.action === 'BootNotification' && s.sentAt >= (trigger.answer?.at ?? 0)).pop();
  if (!boot) throw new ScriptError('the station model did not send the BootNotificationRequest the TriggerMessageRequest asked for');
  check(c, 'BootNotificationRequest', boot.payload, [['reason', 'Triggered']]);
}

/** <configured ocppCsmsUrl> (the endpoint the test system connects to) and <configured securityProfile>. */
export function rememberConnection(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'the test system notes its connection');
  const facts = c.peer.connectionFacts;
  if (!facts) throw new ScriptError('the test system must be connected before it can note its connection details');
  const endpoint = facts.url.slice(0, facts.url.lastIndexOf('/'));
  c.memory.set('configured ocppCsmsUrl', endpoint);
  c.memory.set('configured securityProfile', facts.securityProfile ?? 0);
}
