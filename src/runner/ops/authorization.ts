// Operations of the authorization steps (block C, SUT = CSMS): transactions on several EVSEs at once (master pass cases),
// one TransactionEvent per open transaction, and marking a reusable state reached by a case's own steps.
import { randomUUID } from 'node:crypto';
import { ExpectationFailed, PreconditionFailed, ScriptError } from '../../peer/errors.ts';
import { applyPayloadFields, parsePayloadFields } from '../../peer/fields.ts';
import type { SentCall } from '../../peer/peer.ts';
import type { ModelTransaction } from '../../peer/station-model.ts';
import { Memory, check, resolvePlaceholder } from '../../states/context.ts';
import type { CsmsContext, ScenarioContext } from '../../states/context.ts';
import { enterState } from '../../states/index.ts';
import { asRows } from '../operations.ts';
import type { Rows } from '../operations.ts';
import { asCsms } from '../roles.ts';

/** Memory names of this area. */
const PARALLEL = 'authorization:parallelTransactions';
const BROADCAST = 'authorization:broadcast';


/**
 * Part 6 steps may do by hand what a reusable state would do (authorize, stop-authorize with another token); the state
 * then counts as reached, so a later state does not repeat it with the default token.
 */
export function stateReachedBySteps(ctx: ScenarioContext, state: string): void {
  ctx.reached.add(state);
  ctx.peer.note(`reusable state ${state}: reached by the case's own steps`);
}

/** Transactions the test system runs besides the station model's own one (master pass cases: one per EVSE). */
function parallelTransactions(ctx: CsmsContext): ModelTransaction[] {
  return (ctx.memory.get(PARALLEL) as ModelTransaction[] | undefined) ?? [];
}

/**
 * Runs `work` with `tx` as the station model's open transaction, so template() and sendRequest() build and follow that
 * transaction's events; the model's own transaction comes back afterwards (unless `work` ended it). Returns whether
 * `tx` is still open.
 */
async function onTransaction(ctx: CsmsContext, tx: ModelTransaction, work: () => Promise<void> | void): Promise<boolean> {
  const model = ctx.peer.model;
  const own = model.tx;
  model.tx = tx;
  try {
    await work();
    return model.tx === tx;
  } finally {
    model.tx = own === tx ? model.tx : own;
  }
}

/**
 * Reusable state EnergyTransferStarted on every EVSE: the configured EVSE with the first valid idToken (the ordinary
 * state), each other EVSE with the next valid idToken, each in its own transaction.
 */
export async function energyTransferOnEveryEvse(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'EnergyTransferStarted on every EVSE');
  const { evses, evseId, idTokens } = c.settings;
  if (evses.length < 2) throw new PreconditionFailed(`this case needs a station with at least two EVSEs; the run configuration has ${evses.length}`);
  const others = evses.filter((e) => e.id !== evseId);
  if (idTokens.valid.length < others.length + 1) {
    throw new PreconditionFailed(`this case needs one valid idToken per EVSE (${evses.length}); the run configuration has ${idTokens.valid.length} in idTokens.valid`);
  }
  await enterState(c, 'EnergyTransferStarted');
  const started: ModelTransaction[] = [];
  for (const [i, evse] of others.entries()) {
    const connectorId = evse.connectors[0]?.id ?? 1;
    const token = idTokens.valid[i + 1] as (typeof idTokens.valid)[number];
    const tx: ModelTransaction = { id: randomUUID(), evseId: evse.id, connectorId, nextSeqNo: 0, chargingState: 'Idle', started: false };
    // The ordinary states, seen from this EVSE and this token; their memory is their own, so <transactionId> stays the
    // configured EVSE's transaction.
    const view: CsmsContext = {
      ...c,
      settings: { ...c.settings, evseId: evse.id, connectorId, idTokens: { ...idTokens, valid: [token] } },
      memory: new Memory(),
      reached: new Set(['Booted']),
    };
    c.peer.note(`EnergyTransferStarted on EVSE ${evse.id} with idToken ${token.idToken}`);
    if (await onTransaction(c, tx, () => enterState(view, 'EnergyTransferStarted'))) started.push(tx);
  }
  c.memory.set(PARALLEL, [...parallelTransactions(c), ...started]);
}

/** One TransactionEventRequest per open transaction (the model's own and the parallel ones), built from the table. */
export async function sendToEveryOpenTransaction(ctx: ScenarioContext, rows: Rows | undefined): Promise<void> {
  const c = asCsms(ctx, 'a TransactionEventRequest for every open transaction');
  const fields = parsePayloadFields(c.peer.version, 'TransactionEventRequest', rows ?? []);
  const open = [...(c.peer.model.tx ? [c.peer.model.tx] : []), ...parallelTransactions(c)];
  if (open.length === 0) throw new ScriptError('no transaction is open, so there is no TransactionEventRequest to send');
  c.peer.inbox.advanceCursor();
  const calls: SentCall[] = [];
  const stillOpen: ModelTransaction[] = [];
  for (const tx of open) {
    const own = tx === c.peer.model.tx;
    const remainsOpen = await onTransaction(c, tx, () => {
      const payload = applyPayloadFields(c.peer.template('TransactionEvent'), fields, (n) => resolvePlaceholder(c, n));
      calls.push(c.peer.sendRequest('TransactionEvent', payload));
    });
    if (remainsOpen && !own) stillOpen.push(tx);
  }
  c.memory.set(PARALLEL, stillOpen);
  c.memory.set(BROADCAST, calls);
}

/** The CSMS's answer to each request of the last "for every open transaction" step, each checked against the table. */
export async function csmsRespondsToEach(ctx: ScenarioContext, rows: Rows | undefined): Promise<void> {
  const c = asCsms(ctx, 'the CSMS responds to each of them');
  const calls = c.memory.get(BROADCAST) as SentCall[] | undefined;
  if (!calls) throw new ScriptError('no TransactionEventRequest was sent "for every open transaction" by an earlier step');
  const expectations = asRows(rows);
  for (const call of calls) {
    const outcome = await c.peer.awaitAnswer(call, c.requirementIds);
    try {
      check(c, 'TransactionEventResponse', outcome.payload, expectations, outcome.frame);
    } catch (e) {
      if (!(e instanceof ExpectationFailed)) throw e;
      const txId = (call.payload.transactionInfo as { transactionId?: unknown } | undefined)?.transactionId;
      throw new ExpectationFailed({ expected: e.expected, actual: `for transaction ${String(txId)}: ${e.actual}`, frame: e.frame, requirementIds: e.requirementIds });
    }
  }
}
