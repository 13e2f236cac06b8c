// Operations behind the monitoring steps (Part 6 block N, Advanced Device Management, CSMS cases): answers that echo
// the monitors the CSMS asked for, requests a CSMS must split by the station's ItemsPerMessage, and the
// MonitoringCtrlr.ItemsPerMessage the test system's station declares.
import { ExpectationFailed, ScriptError } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import type { Reply } from '../../peer/peer.ts';
import { check } from '../../states/context.ts';
import type { CsmsContext, ScenarioContext } from '../../states/context.ts';
import { operatorSends } from '../operations.ts';
import { asCsms } from '../roles.ts';

type Json = Record<string, unknown>;

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Answers the SetVariableMonitoringRequest a previous step received: every monitor Accepted, with a new monitor id. */
export function acceptEveryMonitor(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'accept the monitors');
  const entry = c.memory.get('request:SetVariableMonitoring') as InboxEntry | undefined;
  if (!entry) throw new ScriptError('no SetVariableMonitoringRequest was received by an earlier step, so there is nothing to answer');
  const results = asList(entry.payload.setMonitoringData).map((raw, i) => {
    const m = raw as Json;
    return { id: typeof m.id === 'number' ? m.id : 100 + i, status: 'Accepted', type: m.type, severity: m.severity, component: m.component, variable: m.variable };
  });
  c.peer.respond(entry, { payload: { setMonitoringResult: results } });
}

/** How the test system answers one part of a request the CSMS split: ids get `status`, variables the station's answer. */
function partReply(c: CsmsContext, entry: InboxEntry, status: string): Reply {
  if (entry.action === 'ClearVariableMonitoring') return { payload: { clearMonitoringResult: asList(entry.payload.id).map((id) => ({ id, status })) } };
  return c.peer.defaultReplyFor(entry);
}

const LIST_OF: Record<string, string> = { ClearVariableMonitoring: 'id', GetVariables: 'getVariableData', SetVariableMonitoring: 'setMonitoringData' };

/**
 * The CSMS sends what the operator asked for (`action`) in requests of at most `max` list items, which the test
 * system answers one by one (ids with `status`), until every item the operator named was sent exactly once.
 */
export async function answerPartsUntilComplete(ctx: ScenarioContext, action: string, status: string, maxText: string): Promise<void> {
  const c = asCsms(ctx, `answer the ${action}Requests`);
  const key = LIST_OF[action];
  if (!key) throw new ScriptError(`${action} is not a request sent in parts (known: ${Object.keys(LIST_OF).join(', ')})`);
  const max = Number(maxText);
  if (!Number.isInteger(max) || max <= 0) throw new ScriptError(`"${maxText}" is not a positive whole number of items`);
  const asked = c.memory.get(`operator:${action}`) as Json | undefined;
  if (!asked) throw new ScriptError(`the operator has not asked the CSMS for a ${action}Request in an earlier step`);
  const missing = asList(asked[key]).map((i) => JSON.stringify(i));
  for (let n = 1; missing.length > 0; n++) {
    const entry = await c.peer.expectRequest(action, { requirementIds: c.requirementIds });
    const part = asList(entry.payload[key]);
    const fail = (actual: string): never => {
      throw new ExpectationFailed({ expected: `${action}Requests of at most ${max} ${key} entries, together the ${asList(asked[key]).length} the operator named`, actual, frame: entry.frame, requirementIds: c.requirementIds });
    };
    if (part.length > max) fail(`${action}Request #${n} carries ${part.length} ${key} entries`);
    for (const item of part) {
      const at = missing.indexOf(JSON.stringify(item));
      if (at < 0) fail(`${action}Request #${n} carries ${JSON.stringify(item)}, which the operator did not name or which was already sent`);
      missing.splice(at, 1);
    }
    c.peer.respond(entry, partReply(c, entry, status));
  }
}

/**
 * Memory state: the CSMS read MonitoringCtrlr.ItemsPerMessage[ClearVariableMonitoring] from the test system's station,
 * which declares `value`. The operator asks for it; the request must name exactly that variable.
 */
export async function csmsReadClearItemsPerMessage(ctx: ScenarioContext, value: string): Promise<void> {
  const c = asCsms(ctx, 'the CSMS reads MonitoringCtrlr.ItemsPerMessage');
  const item = { component: { name: 'MonitoringCtrlr' }, variable: { name: 'ItemsPerMessage', instance: 'ClearVariableMonitoring' } };
  c.peer.armReply('GetVariables', () => ({ payload: { getVariableResult: [{ ...item, attributeType: 'Actual', attributeStatus: 'Accepted', attributeValue: value }] } }));
  operatorSends(c, 'GetVariables', [['getVariableData', JSON.stringify([item])]]);
  const entry = await c.peer.expectRequest('GetVariables');
  check(c, 'GetVariablesRequest', entry.payload, [
    ['getVariableData[0].component.name', '"MonitoringCtrlr"'],
    ['getVariableData[0].variable.name', '"ItemsPerMessage"'],
    ['getVariableData[0].variable.instance', '"ClearVariableMonitoring"'],
  ], entry.frame);
  c.peer.inbox.advanceCursor();
}
