// Operations of the master pass cases with a station user interface (TC_C_47_CS, TC_C_48_CS): the holder's selection
// on the UI (a bench action), the stop of the selected transaction, and the others going on.
import { noTransactionEvent } from './cs-no-transaction-event.ts';
import { check, perform } from '../../states/context.ts';
import type { ScenarioContext } from '../../states/context.ts';
import { stopOnOtherEvses } from '../../states/cs-remote-control.ts';
import { asRows, type Rows } from '../operations.ts';
import { asCs } from '../roles.ts';

type Json = Record<string, unknown>;
const SELECTED_AT = 'masterPass:selectedAt';
const txIdOf = (p: Json): string => String((p.transactionInfo as Json | undefined)?.transactionId);

/** The master pass holder selects on the station's UI: every transaction, or the configured EVSE's. */
export async function selectOnUi(ctx: ScenarioContext, which: 'all' | 'configured'): Promise<void> {
  const cs = asCs(ctx, 'select on the master pass user interface');
  const target = which === 'all' ? 'all' : cs.settings.evseId;
  const what = target === 'all' ? 'every transaction' : `the transaction on EVSE ${target}`;
  // What follows the selection is judged from here (the post-scenario check looks back to it).
  cs.memory.set(SELECTED_AT, cs.peer.inbox.cursor);
  await perform(cs, `select on the station's user interface to stop ${what}`, (a) => a.masterPassStop(target));
}

/** The station reports the stop of the configured EVSE's transaction (the one the holder selected). */
export async function configuredTransactionStops(ctx: ScenarioContext, rows: Rows | undefined): Promise<void> {
  const cs = asCs(ctx, 'the selected transaction stops');
  const id = String(cs.memory.get('transactionId'));
  const entry = await cs.peer.expectRequest('TransactionEvent', {
    where: (p) => txIdOf(p) === id && (p.triggerReason === 'StopAuthorized' || p.eventType === 'Ended'),
    whereText: `the stop of the transaction on the configured EVSE (${id})`,
    requirementIds: cs.requirementIds,
  });
  if (rows && rows.length > 0) check(cs, 'TransactionEventRequest', entry.payload, asRows(rows), entry.frame);
}

/** Post-scenario: the transactions of the other EVSEs still transfer energy (none stops or ends). */
export async function othersGoOn(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the other transactions go on');
  const mine = String(cs.memory.get('transactionId'));
  await noTransactionEvent(cs, {
    after: Number(cs.memory.get(SELECTED_AT) ?? cs.peer.inbox.cursor),
    where: (p) => {
      if (txIdOf(p) === mine) return false;
      const state = (p.transactionInfo as Json | undefined)?.chargingState;
      return p.eventType === 'Ended' || p.triggerReason === 'StopAuthorized' || (state !== undefined && state !== 'Charging');
    },
    description: 'a TransactionEventRequest stopping or ending the transaction of another EVSE',
    expectation: 'every other EVSE still transfers energy',
  });
}

/** Clean-up: the transactions of the other EVSEs end and their EVs leave. */
export async function stopOthers(ctx: ScenarioContext): Promise<void> {
  await stopOnOtherEvses(asCs(ctx, 'stop the other transactions'));
}
