// The operations behind the station-side (SUT = Charging Station) provisioning steps of steps/cs-provisioning.ts
// (Part 6 block B: boot, connector status at boot, reports). One function per step meaning.
import { ExpectationFailed, ScriptError } from '../../peer/errors.ts';
import { explainCallError } from '../../peer/peer.ts';
import { KNOWN_ERROR_CODES } from '../../rpc/connection.ts';
import { CallErrorResponse, ConnectionClosedError } from '../../rpc/errors.ts';
import type { Frame } from '../../rpc/types.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import { allConnectors } from '../../peer/settings.ts';
import { isKnownAction } from '../../schema/index.ts';
import { check } from '../../states/context.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { expectConnectorReports } from '../../states/cs.ts';
import { sutSends } from '../operations.ts';
import { asCs } from '../roles.ts';

type Json = Record<string, unknown>;

/** Station SUT: every connector reported; the configured one `configured` while the EV is plugged in, others `others`. */
export async function stationReportsConnectors(ctx: ScenarioContext, configured: string, others: string, onlyWhilePlugged: boolean): Promise<void> {
  const cs = asCs(ctx, 'the Charging Station reports its connectors');
  const plugged = cs.memory.get('evConnected') === true;
  const { evseId, connectorId } = cs.settings;
  await expectConnectorReports(cs, (e, c) => (e === evseId && c === connectorId && (!onlyWhilePlugged || plugged) ? configured : others), {
    after: cs.peer.inbox.cursor,
  });
}

// ----- boot specifics --------------------------------------------------------------------------------------------------

/** Between the last two BootNotificationRequests the station sent only requests of the allowed actions. */
export function quietBetweenBoots(ctx: ScenarioContext, allowedCsv: string): void {
  const cs = asCs(ctx, 'quiet between boots');
  const allowed = allowedCsv.split(',').map((s) => s.trim().replace(/Request$/, '')).filter((s) => s !== '');
  for (const a of allowed) if (!isKnownAction(cs.peer.version, a)) throw new ScriptError(`${a} is not an OCPP ${cs.peer.version} message`);
  const boots = (cs.memory.get('requests:BootNotification') as InboxEntry[] | undefined) ?? [];
  const [a, b] = boots.slice(-2);
  if (!a || !b) throw new ScriptError('two BootNotificationRequests must have been received by earlier steps');
  // A Pending station repeats its BootNotificationRequest after each interval: a repeat is not another request.
  const others = cs.peer.inbox.between(a.seq, b.seq).filter((e) => !allowed.includes(e.action) && e.action !== 'BootNotification');
  if (others.length > 0) {
    throw new ExpectationFailed({
      expected: `no requests other than ${allowed.length > 0 ? allowed.join(', ') : 'none'} before the station is accepted`,
      actual: `it sent ${others.map((e) => `${e.action}Request`).join(', ')}`,
      frame: others[0]?.frame,
      requirementIds: cs.requirementIds,
    });
  }
}

/** The station retried its boot no earlier than the interval of our previous (Pending/Rejected) answer. */
export function bootRetryRespected(ctx: ScenarioContext): void {
  const cs = asCs(ctx, 'boot retry interval');
  const boots = (cs.memory.get('requests:BootNotification') as InboxEntry[] | undefined) ?? [];
  const [a, b] = boots.slice(-2);
  if (!a?.answer || !b) throw new ScriptError('two BootNotificationRequests (the first answered) must have been received by earlier steps');
  const interval = (a.answer.payload as Json | undefined)?.interval;
  if (typeof interval !== 'number') throw new ScriptError('the first BootNotificationResponse carried no interval');
  const waited = b.at - a.answer.at;
  const slackMs = 250; // clock granularity between our timestamp and the station's timer
  if (waited + slackMs < interval * 1000) {
    throw new ExpectationFailed({
      expected: `the next BootNotificationRequest no earlier than the interval of ${interval} s`,
      actual: `it came after ${(waited / 1000).toFixed(2)} s`,
      frame: b.frame,
      requirementIds: cs.requirementIds,
    });
  }
}

/** After TriggerMessage(BootNotification): Accepted -> the boot must say reason Triggered; NotImplemented -> any reason. */
export async function triggeredBoot(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'triggered boot');
  const answer = cs.memory.get('answer:TriggerMessage') as Json | undefined;
  // The station sends it after answering the TriggerMessageRequest; a (Pending) station's repeat before that is not it.
  const after = await cs.peer.seqBeforeAnswer(cs.peer.lastCall('TriggerMessage'));
  await sutSends(cs, 'the Charging Station', 'BootNotification', undefined, { after: Math.max(after, cs.peer.inbox.cursor) });
  const entry = cs.memory.get('request:BootNotification') as InboxEntry;
  if (answer?.status === 'Accepted') check(cs, 'BootNotificationRequest', entry.payload, [['reason', 'Triggered']], entry.frame);
}

// ----- reports ---------------------------------------------------------------------------------------------------------

const LIST_TYPES = ['OptionList', 'SequenceList', 'MemberList'];

/** "evse 1 connector 2 " for a component with an evse reference, "" without. */
function where(component: Json): string {
  const evse = component.evse as Json | undefined;
  if (!evse) return '';
  return `evse ${String(evse.id)} ${evse.connectorId === undefined ? '' : `connector ${String(evse.connectorId)} `}`;
}

/** Required charging-infrastructure variables (DM appendix, "Required? yes") for the configured EVSEs and connectors. */
function infrastructureVariables(settings: CsContext['settings']): string[] {
  const out = ['ChargingStation.AvailabilityState', 'ChargingStation.Available', 'ChargingStation.SupplyPhases'];
  for (const e of settings.evses) {
    for (const v of ['AvailabilityState', 'Available', 'Power', 'SupplyPhases']) out.push(`${where({ evse: { id: e.id } })}EVSE.${v}`);
  }
  for (const c of allConnectors(settings)) {
    for (const v of ['Available', 'ConnectorType', 'SupplyPhases']) out.push(`${where({ evse: { id: c.evseId, connectorId: c.connectorId } })}Connector.${v}`);
  }
  return out;
}

/**
 * Variables of the controllers every Core station has that the device model appendix of Part 2 marks required (the
 * controllers of optional blocks, e.g. SmartChargingCtrlr or LocalAuthListCtrlr, are left out). Names without instance.
 */
const REQUIRED_CORE_CONTROLLER_VARIABLES = [
  'AlignedDataCtrlr.Interval', 'AlignedDataCtrlr.Measurands', 'AlignedDataCtrlr.TxEndedInterval', 'AlignedDataCtrlr.TxEndedMeasurands',
  'AuthCtrlr.AuthorizeRemoteStart', 'AuthCtrlr.LocalAuthorizeOffline', 'AuthCtrlr.LocalPreAuthorize',
  'ClockCtrlr.DateTime', 'ClockCtrlr.TimeSource',
  'DeviceDataCtrlr.BytesPerMessage', 'DeviceDataCtrlr.ItemsPerMessage',
  'OCPPCommCtrlr.FileTransferProtocols', 'OCPPCommCtrlr.MessageAttemptInterval', 'OCPPCommCtrlr.MessageAttempts', 'OCPPCommCtrlr.MessageTimeout',
  'OCPPCommCtrlr.NetworkConfigurationPriority', 'OCPPCommCtrlr.NetworkProfileConnectionAttempts', 'OCPPCommCtrlr.OfflineThreshold',
  'OCPPCommCtrlr.ResetRetries', 'OCPPCommCtrlr.UnlockOnEVSideDisconnect',
  'SampledDataCtrlr.TxEndedInterval', 'SampledDataCtrlr.TxEndedMeasurands', 'SampledDataCtrlr.TxStartedMeasurands', 'SampledDataCtrlr.TxUpdatedInterval',
  'SampledDataCtrlr.TxUpdatedMeasurands',
  'SecurityCtrlr.CertificateEntries', 'SecurityCtrlr.OrganizationName', 'SecurityCtrlr.SecurityProfile',
  'TxCtrlr.EVConnectionTimeOut', 'TxCtrlr.StopTxOnEVSideDisconnect', 'TxCtrlr.StopTxOnInvalidId', 'TxCtrlr.TxStartPoint', 'TxCtrlr.TxStopPoint',
];

/** The variables a report of `base` must contain at least. */
function requiredInReport(base: string, settings: CsContext['settings']): string[] {
  // A SummaryInventory is about availability: the station's and every EVSE's AvailabilityState (connectors only when
  // they differ from their EVSE, so they are not required; problem variables only for components in trouble).
  if (base === 'SummaryInventory') return ['ChargingStation.AvailabilityState', ...settings.evses.map((e) => `${where({ evse: { id: e.id } })}EVSE.AvailabilityState`)];
  // The variables the B05/B06 cases require every station to have (mandatory writable combinations).
  const required = ['OCPPCommCtrlr.OfflineThreshold', 'AuthCtrlr.LocalAuthorizeOffline'];
  // FullInventory also covers the charging infrastructure: the variables the DM appendix marks required for the
  // station, each configured EVSE and each configured connector.
  if (base === 'FullInventory') required.push(...infrastructureVariables(settings), ...REQUIRED_CORE_CONTROLLER_VARIABLES.filter((v) => !required.includes(v)));
  return required;
}

/** A WriteOnly value must not be shown; a list-typed value must come from the variable's valuesList. */
function attributeProblems(id: string, datum: Json, ch: Json | undefined): string[] {
  const problems: string[] = [];
  const allowed = typeof ch?.valuesList === 'string' ? ch.valuesList.split(',').map((v) => v.trim()) : undefined;
  for (const attr of (datum.variableAttribute as Json[] | undefined) ?? []) {
    if (attr.mutability === 'WriteOnly' && attr.value !== undefined) problems.push(`${id} is WriteOnly but its value is reported`);
    if (allowed === undefined || typeof attr.value !== 'string' || !LIST_TYPES.includes(ch?.dataType as string)) continue;
    // An OptionList holds one of the values; Member/SequenceLists hold a comma-separated selection of them.
    const items = ch?.dataType === 'OptionList' ? [attr.value] : attr.value.split(',').map((v) => v.trim()).filter((v) => v !== '');
    const outside = items.filter((v) => !allowed.includes(v));
    if (outside.length > 0) problems.push(`${id} has value "${attr.value}" outside its valuesList "${String(ch?.valuesList)}"`);
  }
  return problems;
}

/** Station SUT: NotifyReportRequests for our last GetBaseReportRequest, seqNo 0.. until tbc is false, then the content. */
export async function stationSendsReport(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the Charging Station sends the report');
  const sent = cs.peer.lastCall('GetBaseReport');
  const requestId = sent.payload.requestId;
  const reportBase = sent.payload.reportBase as string;
  const parts: InboxEntry[] = [];
  for (let seqNo = 0; ; seqNo++) {
    const entry = await cs.peer.expectRequest('NotifyReport', { where: (p) => p.requestId === requestId, whereText: `requestId ${String(requestId)}` });
    check(cs, 'NotifyReportRequest', entry.payload, [
      ['requestId', String(requestId)],
      ['generatedAt', 'present'],
      ['seqNo', String(seqNo)],
    ], entry.frame);
    parts.push(entry);
    if (entry.payload.tbc !== true) break;
  }
  const problems: string[] = [];
  const names = new Set<string>();
  for (const part of parts) {
    for (const d of (part.payload.reportData as Json[] | undefined) ?? []) {
      const comp = (d.component as Json).name as string;
      const variable = (d.variable as Json).name as string;
      const id = `${comp}.${variable}`;
      names.add(id);
      names.add(`${where(d.component as Json)}${id}`);
      const ch = d.variableCharacteristics as Json | undefined;
      if (!ch) problems.push(`${id} has no variableCharacteristics`);
      else if (LIST_TYPES.includes(ch.dataType as string) && (typeof ch.valuesList !== 'string' || ch.valuesList === '')) problems.push(`${id} is a ${String(ch.dataType)} without valuesList`);
      else if (id === 'EVSE.Power' && typeof ch.maxLimit !== 'number') problems.push(`${where(d.component as Json)}EVSE.Power has no maxLimit (its maximum power)`);
      problems.push(...attributeProblems(`${where(d.component as Json)}${id}`, d, ch));
      if (reportBase === 'ConfigurationInventory') {
        for (const attr of (d.variableAttribute as Json[] | undefined) ?? []) {
          const mutability = (attr.mutability as string | undefined) ?? 'ReadWrite';
          if (mutability !== 'ReadWrite' && mutability !== 'WriteOnly') problems.push(`${id} is ${mutability} in a ConfigurationInventory report`);
        }
      }
    }
  }
  const required = requiredInReport(reportBase, cs.settings);
  for (const r of required) {
    if (!names.has(r)) problems.push(`required variable ${r} is not reported`);
  }
  if (problems.length > 0) {
    throw new ExpectationFailed({
      expected: `a ${reportBase} report whose variables carry variableCharacteristics${reportBase === 'ConfigurationInventory' ? ' and are writable' : ''}, list values from their valuesList, no WriteOnly value, including the required ones`,
      actual: problems.slice(0, 10).join('; ') + (problems.length > 10 ? ` (and ${problems.length - 10} more)` : ''),
      requirementIds: cs.requirementIds,
    });
  }
}

/**
 * Station SUT: our last `action` CALL is refused with CALLERROR `code`. A station that closed the connection before we
 * could send (allowed after a Rejected boot) leaves nothing to refuse: the step holds, with a note in the trace.
 */
export async function stationRefusesWithCallError(ctx: ScenarioContext, action: string, code: string): Promise<void> {
  const cs = asCs(ctx, `the Charging Station refuses the ${action}Request`);
  if (!KNOWN_ERROR_CODES.has(code)) throw new ScriptError(`${code} is not an OCPP-J error code (${[...KNOWN_ERROR_CODES].join(', ')})`);
  const call = cs.peer.lastCall(action);
  try {
    const outcome = await call.outcome;
    throw new ExpectationFailed({ expected: `CALLERROR ${code} for the ${action}Request`, actual: `a ${action}Response`, frame: outcome.frame, requirementIds: cs.requirementIds });
  } catch (e) {
    if (e instanceof ExpectationFailed) throw e;
    if (e instanceof CallErrorResponse) {
      if (e.code === code) return;
      throw new ExpectationFailed({ expected: `CALLERROR ${code}`, actual: `CALLERROR ${e.code}${e.description ? ` ("${e.description}")` : ''}`, frame: e.frame as Frame, requirementIds: cs.requirementIds });
    }
    if (e instanceof ConnectionClosedError && !call.sentWhileConnected) {
      cs.peer.note(`the station had closed the connection before the ${action}Request could be sent; nothing to refuse`);
      return;
    }
    throw explainCallError(call, e, cs.requirementIds);
  }
}
