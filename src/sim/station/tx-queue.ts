// The station's TransactionEvent queue: events are delivered in order, one at a time, while connected and accepted;
// refused ones are retried (OCPPCommCtrlr.MessageAttempts / MessageAttemptInterval); while offline they wait.
import { CallErrorResponse, CallTimeoutError, ConnectionClosedError } from '../../rpc/errors.ts';
import { onTxResponse } from './areas/transactions.ts';
import type { StationCore } from './core.ts';
import { errText, perStation, type Json } from './state.ts';

interface Queue {
  items: Array<{ payload: Json; attempts: number }>;
  pumping: boolean;
  drainWaiters: Array<() => void>;
  retryTimer?: ReturnType<typeof setTimeout>;
  /** A refused event waits for its retry until then: new events queue behind it, they do not hurry it. */
  retryAt?: number;
}

const queueOf = perStation<StationCore, Queue>(() => ({ items: [], pumping: false, drainWaiters: [] }));

export function queuedCount(st: StationCore, transactionId?: string): number {
  return queueOf(st).items.filter((q) => transactionId === undefined || (q.payload.transactionInfo as Json).transactionId === transactionId).length;
}

export function queueTx(st: StationCore, payload: Json): void {
  queueOf(st).items.push({ payload, attempts: 0 });
  void pumpTx(st);
  st.changed();
}

export function stopRetry(st: StationCore): void {
  clearTimeout(queueOf(st).retryTimer);
  queueOf(st).retryAt = undefined;
}

/** Delivers queued TransactionEvents in order, one at a time, while connected and accepted. */
export async function pumpTx(st: StationCore): Promise<void> {
  const q = queueOf(st);
  if (q.pumping || (q.retryAt !== undefined && Date.now() < q.retryAt)) return;
  q.retryAt = undefined;
  q.pumping = true;
  try {
    while (q.items.length > 0 && st.conn && st.mayCall('TransactionEvent', false)) {
      const item = q.items[0];
      if (!item) break;
      const conn = st.conn;
      item.attempts++;
      try {
        const res = (await conn.call('TransactionEvent', item.payload)) as Json;
        q.items.shift();
        onTxResponse(st, item.payload, res);
      } catch (e) {
        if (e instanceof ConnectionClosedError || st.conn !== conn) break;
        const maxAttempts = st.faults.has('transactions.noRetry') ? 1 : Math.max(1, st.dm.int('OCPPCommCtrlr', 'MessageAttempts', 'TransactionEvent'));
        if (e instanceof CallErrorResponse || e instanceof CallTimeoutError) {
          if (item.attempts >= maxAttempts) {
            st.note(`TransactionEvent seqNo ${String(item.payload.seqNo)} dropped after ${item.attempts} attempts: ${errText(e)}`);
            q.items.shift();
            continue;
          }
          const delay = st.timers.txRetryMs ?? st.dm.int('OCPPCommCtrlr', 'MessageAttemptInterval', 'TransactionEvent') * 1000 * item.attempts;
          clearTimeout(q.retryTimer);
          q.retryAt = Date.now() + delay;
          q.retryTimer = setTimeout(() => {
            q.retryAt = undefined;
            void pumpTx(st);
          }, delay);
          break;
        }
        st.note(`TransactionEvent failed: ${errText(e)}`);
        q.items.shift();
      }
    }
  } finally {
    q.pumping = false;
    st.changed();
    fireDrainWaiters(st);
  }
}

/**
 * Runs `fn` once the TransactionEvent queue has gone as far as it can: everything delivered, or delivery blocked
 * (offline, or waiting to retry). What is left stays queued for after the reboot.
 */
export function afterQueueDrained(st: StationCore, fn: () => void): void {
  const q = queueOf(st);
  q.drainWaiters.push(fn);
  setImmediate(() => {
    if (!q.pumping) fireDrainWaiters(st);
  });
}

function fireDrainWaiters(st: StationCore): void {
  for (const w of queueOf(st).drainWaiters.splice(0)) if (st.running) w();
}
