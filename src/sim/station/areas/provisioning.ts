// Provisioning (Part 6 block B): GetVariables / SetVariables on the device model (with ItemsPerMessage and
// BytesPerMessage limits), GetBaseReport / GetReport followed by NotifyReport pages.
// This area's named faults and behaviour of the reference station.
import { OcppError } from '../../../rpc/errors.ts';
import type { StationCore } from '../core.ts';
import { cleanComponent, cleanVariable, paginate, type AttributeType, type ComponentRef, type ReportBase, type ReportDatum, type VariableRef } from '../device-model.ts';
import { nowText, type Json } from '../state.ts';
import { acceptsShortPassword } from './security.ts';
import { refusedPriority } from './network-profile.ts';
import type { StationArea } from './types.ts';

export const FAULTS = {
  'getvariables.acceptReadOnlyWrite': 'SetVariables on a ReadOnly variable answers Accepted (value unchanged).',
  'getvariables.unknownAsAccepted': 'Get/SetVariables for an unknown component or variable answers Accepted.',
  'getvariables.wrongAttributeType': 'GetVariables results name attributeType Target whatever was asked (leaving it out would be fine: Actual is the default).',
  'getvariables.onlyFirst': 'GetVariables answers only the first requested item.',
  'getvariables.ignoreAttributeType': 'Get/SetVariables treat any attributeType as Actual (Target, MinSet, MaxSet are answered Accepted).',
  'setvariables.notApplied': 'SetVariables answers Accepted but keeps the old value.',
  'setvariables.rejectValid': 'SetVariables answers Rejected for a valid value of a writable variable.',
  'setvariables.acceptIllFormed': 'SetVariables answers Accepted (value unchanged) for a value that is not of the variable\'s data type.',
  'setvariables.onlyFirst': 'SetVariables answers only the first requested item.',
  'report.noNotifyReport': 'GetBaseReport is Accepted but no NotifyReport follows.',
  'report.wrongSeqNo': 'NotifyReport seqNo starts at 1 instead of 0.',
  'report.readOnlyInConfiguration': 'ConfigurationInventory also lists ReadOnly variables.',
  'report.noCharacteristics': 'NotifyReport entries carry no variableCharacteristics.',
  'report.noInfrastructure': 'A FullInventory report leaves out the ChargingStation, EVSE and Connector components.',
  'report.showWriteOnly': 'Reports show the value of WriteOnly variables (e.g. SecurityCtrlr.BasicAuthPassword).',
  'report.summaryWithoutEvses': 'A SummaryInventory report gives the station\'s availability only, not its EVSEs\'.',
  'report.summaryWhenOmitted': 'A station without the SummaryInventory report (variant) answers NotSupported but sends the report anyway.',
} as const satisfies Record<string, string>;

function checkLimits(st: StationCore, kind: 'GetVariables' | 'SetVariables', items: unknown[], payload: Json): void {
  const maxItems = st.dm.int('DeviceDataCtrlr', 'ItemsPerMessage', kind);
  if (items.length > maxItems) throw new OcppError('OccurrenceConstraintViolation', `${items.length} items requested; ItemsPerMessage[${kind}] is ${maxItems}`);
  const maxBytes = st.dm.int('DeviceDataCtrlr', 'BytesPerMessage', kind);
  const bytes = Buffer.byteLength(JSON.stringify(payload));
  if (bytes > maxBytes) throw new OcppError('FormatViolation', `request is ${bytes} bytes; BytesPerMessage[${kind}] is ${maxBytes}`);
}

function unknownAsAccepted(st: StationCore, status: string): boolean {
  return (status === 'UnknownComponent' || status === 'UnknownVariable') && st.faults.has('getvariables.unknownAsAccepted');
}

/** The attribute type the device model is asked for (the answer always echoes the requested one). */
function attributeTypeFor(st: StationCore, requested: AttributeType | undefined): AttributeType {
  return st.faults.has('getvariables.ignoreAttributeType') ? 'Actual' : (requested ?? 'Actual');
}

function onGetVariables(st: StationCore, p: Json): Json {
  const items = (p.getVariableData ?? []) as Array<{ component: ComponentRef; variable: VariableRef; attributeType?: AttributeType }>;
  checkLimits(st, 'GetVariables', items, p);
  const answered = st.faults.has('getvariables.onlyFirst') ? items.slice(0, 1) : items;
  const results = answered.map((item) => {
    let r = st.dm.get(item.component, item.variable, attributeTypeFor(st, item.attributeType));
    if (unknownAsAccepted(st, r.status)) r = { status: 'Accepted', value: '' };
    const out: Json = { attributeStatus: r.status, component: cleanComponent(item.component), variable: cleanVariable(item.variable) };
    out.attributeType = st.faults.has('getvariables.wrongAttributeType') ? 'Target' : (item.attributeType ?? 'Actual');
    if (r.value !== undefined) out.attributeValue = r.value.slice(0, st.dm.int('DeviceDataCtrlr', 'ReportingValueSize'));
    return out;
  });
  return { getVariableResult: results };
}

function onSetVariables(st: StationCore, p: Json): Json {
  const items = (p.setVariableData ?? []) as Array<{ component: ComponentRef; variable: VariableRef; attributeType?: AttributeType; attributeValue: string }>;
  checkLimits(st, 'SetVariables', items, p);
  const answered = st.faults.has('setvariables.onlyFirst') ? items.slice(0, 1) : items;
  const results = answered.map((item) => {
    const refused = refusedPriority(st, item.component.name, item.variable.name, item.attributeValue);
    let r = refused ? { status: 'Rejected' as const, reason: refused } : st.dm.set(item.component, item.variable, item.attributeValue, attributeTypeFor(st, item.attributeType), {
      acceptReadOnly: st.faults.has('getvariables.acceptReadOnlyWrite'),
      doNotApply: st.faults.has('setvariables.notApplied'),
    });
    if (unknownAsAccepted(st, r.status)) r = { status: 'Accepted' };
    if (r.status === 'Rejected' && /^not an? /.test(r.reason ?? '') && st.faults.has('setvariables.acceptIllFormed')) r = { status: 'Accepted' };
    if (r.status === 'Rejected' && acceptsShortPassword(st, item.component.name, item.variable.name, item.attributeValue)) r = { status: 'Accepted' };
    if (r.status === 'Accepted' && st.faults.has('setvariables.rejectValid')) r = { status: 'Rejected', reason: 'fault' };
    const out: Json = { attributeType: item.attributeType ?? 'Actual', attributeStatus: r.status, component: cleanComponent(item.component), variable: cleanVariable(item.variable) };
    if (r.status === 'Rejected' && r.reason) out.attributeStatusInfo = { reasonCode: r.reason === 'ReadOnly' ? 'ReadOnly' : 'InvalidValue', additionalInfo: r.reason.slice(0, 512) };
    return out;
  });
  return { setVariableResult: results };
}

function onGetBaseReport(st: StationCore, p: Json): Json {
  const requestId = Number(p.requestId);
  const base = String(p.reportBase) as ReportBase;
  // A station without the optional SummaryInventory report says so (B07.FR.02) and sends nothing.
  const omitted = base === 'SummaryInventory' && st.opts.omit?.includes('summaryInventory') === true;
  let data = st.dm.report(base, {
    includeReadOnlyInConfiguration: st.faults.has('report.readOnlyInConfiguration'),
    omitCharacteristics: st.faults.has('report.noCharacteristics'),
  });
  if (st.faults.has('report.showWriteOnly')) data = data.map((d) => ({ ...d, variableAttribute: d.variableAttribute.map((a) => (a.mutability === 'WriteOnly' ? { ...a, value: 'secret' } : a)) }));
  if (base === 'FullInventory' && st.faults.has('report.noInfrastructure')) data = data.filter((d) => !['ChargingStation', 'EVSE', 'Connector'].includes(d.component.name));
  if (base === 'SummaryInventory' && st.faults.has('report.summaryWithoutEvses')) data = data.filter((d) => d.component.name === 'ChargingStation');
  if (omitted) {
    if (st.faults.has('report.summaryWhenOmitted')) st.afterReply(() => void sendReport(st, requestId, data));
    return { status: 'NotSupported', statusInfo: { reasonCode: 'UnsupportedParam' } };
  }
  if (data.length === 0) return { status: 'EmptyResultSet' };
  st.afterReply(() => void sendReport(st, requestId, data));
  return { status: 'Accepted' };
}

type Wanted = { component: ComponentRef; variable?: VariableRef };

function matches(w: Wanted, d: ReportDatum): boolean {
  const wc = w.component;
  const dc = d.component;
  if (wc.name !== dc.name || (wc.instance !== undefined && wc.instance !== dc.instance)) return false;
  if (wc.evse !== undefined && (wc.evse.id !== dc.evse?.id || (wc.evse.connectorId !== undefined && wc.evse.connectorId !== dc.evse.connectorId))) return false;
  return w.variable === undefined || (w.variable.name === d.variable.name && (w.variable.instance === undefined || w.variable.instance === d.variable.instance));
}

function onGetReport(st: StationCore, p: Json): Json {
  const requestId = Number(p.requestId);
  const wanted = (p.componentVariable ?? []) as Wanted[];
  const criteria = (p.componentCriteria ?? []) as string[];
  if (criteria.some((c) => c !== 'Available' && c !== 'Active' && c !== 'Enabled' && c !== 'Problem')) return { status: 'NotSupported' };
  let data = st.dm.report('FullInventory', { omitCharacteristics: st.faults.has('report.noCharacteristics') });
  if (wanted.length > 0) data = data.filter((d) => wanted.some((w) => matches(w, d)));
  if (criteria.includes('Problem')) data = [];
  if (data.length === 0) return { status: 'EmptyResultSet' };
  st.afterReply(() => void sendReport(st, requestId, data));
  return { status: 'Accepted' };
}

async function sendReport(st: StationCore, requestId: number, data: ReportDatum[]): Promise<void> {
  if (st.faults.has('report.noNotifyReport')) return;
  const pages = paginate(data, st.dm.int('DeviceDataCtrlr', 'ItemsPerMessage', 'GetReport'), st.dm.int('DeviceDataCtrlr', 'BytesPerMessage', 'GetReport'));
  const generatedAt = nowText();
  const first = st.faults.has('report.wrongSeqNo') ? 1 : 0;
  for (let i = 0; i < pages.length; i++) {
    const page: Json = { requestId, generatedAt, seqNo: first + i, tbc: i < pages.length - 1, reportData: pages[i] };
    if ((await st.callSafe('NotifyReport', page, true)) === undefined) return;
  }
}

export const AREA = {
  name: 'provisioning',
  blocks: ['B'],
  faults: FAULTS,
  handlers: { GetVariables: onGetVariables, SetVariables: onSetVariables, GetBaseReport: onGetBaseReport, GetReport: onGetReport },
} satisfies StationArea;
