// Operations of the transaction steps (Part 6 block E, SUT = CSMS): a signed meter reading the test system's station
// puts into the event that starts a transaction (start point DataSigned), and the check that the CSMS answered a
// transaction that restarted its seqNo at 0.
import { ScriptError } from '../../peer/errors.ts';
import { OcmfSigner } from '../../peer/ocmf.ts';
import { formatOcppDateTime } from '../../schema/index.ts';
import type { ScenarioContext } from '../../states/context.ts';
import { asCsms } from '../roles.ts';

/**
 * The station's meter signs a Transaction.Begin energy reading (`wh`, in Wh) with a fresh P-256 key, as an OCMF record.
 * Tables use the result as <signed meter value> (a SignedMeterValueType) and its time as <signed reading time>.
 */
export function signBeginReading(ctx: ScenarioContext, wh: string): void {
  const c = asCsms(ctx, "the test system's meter signs a reading");
  const value = Number(wh);
  if (wh.trim() === '' || !Number.isFinite(value)) throw new ScriptError(`"${wh}" is not a meter reading in Wh`);
  const at = new Date();
  c.memory.set('signed meter value', new OcmfSigner().sign({ gatewayId: c.settings.model, gatewaySerial: `${c.peer.identity}-${c.settings.evseId}`, at, kind: 'B', wh: value }));
  c.memory.set('signed reading time', formatOcppDateTime(at));
}

/**
 * The TransactionEventRequest that started the latest transaction carried seqNo 0 (the premise of the case: a new
 * transaction restarts the count) and the CSMS answered it with a schema-valid TransactionEventResponse.
 */
export async function csmsAnsweredStartAtSeqNoZero(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the CSMS answered the start of the transaction at seqNo 0');
  const start = [...c.peer.sent].reverse().find((s) => s.action === 'TransactionEvent' && s.payload.eventType === 'Started');
  if (!start) throw new ScriptError('no TransactionEventRequest with eventType Started was sent by an earlier step');
  if (start.payload.seqNo !== 0) throw new ScriptError(`the test system started the transaction with seqNo ${String(start.payload.seqNo)}, not 0`);
  await c.peer.awaitAnswer(start, c.requirementIds);
}
