// Part 6's general rules, checked once for every frame of every case, whatever the steps ask.
//   - every frame of the SUT matches its schema (the connection validates; we collect its violations)
//   - date-times carry at most 3 fraction digits (part of the schema check: strictDateTime)
//   - at most one CALL of the SUT outstanding (the connection detects 'concurrent-call')
//   - the first TransactionEventRequest of a transaction has eventType Started
//   - the seqNo values of a transaction are consecutive (order of arrival may differ; checked at the end)
// A breach is recorded here; the scenario's verdict becomes FAIL at the end even when every step passed.

export interface RuleBreach {
  rule: string;
  message: string;
  frameId?: string | undefined;
  at: string;
}

interface TxEvent {
  eventType: unknown;
  seqNo: unknown;
  frameId: string;
  /** The payload as sent (a retransmission of a refused or unanswered event repeats it exactly). */
  text?: string;
}

export class RuleMonitor {
  readonly breaches: RuleBreach[] = [];
  private readonly transactions = new Map<string, TxEvent[]>();
  private readonly inherited = new Set<string>();

  record(rule: string, message: string, frameId?: string): void {
    this.breaches.push({ rule, message, frameId, at: new Date().toISOString() });
  }

  /**
   * A long-lived station's transaction that began in an earlier case: its earlier events count for this case's
   * checks (its first event, consecutive seqNo), so a transaction spanning cases is judged as one.
   */
  continueTransaction(txId: string, earlier: Array<{ eventType: unknown; seqNo: unknown }>): void {
    this.transactions.set(txId, earlier.map((e) => ({ ...e, frameId: '(earlier case)' })));
  }

  /**
   * Transactions seen so far began before anything this case can judge (a long-lived station's set-up found them
   * running): their first event and earlier seqNos are not this case's to check.
   */
  inheritTransactionsSeenSoFar(): void {
    for (const txId of this.transactions.keys()) this.inherited.add(txId);
  }

  /** A TransactionEventRequest the SUT (a Charging Station) sent. */
  observeTransactionEvent(payload: Record<string, unknown>, frameId: string, retransmission = false): void {
    const info = payload.transactionInfo as Record<string, unknown> | undefined;
    const txId = typeof info?.transactionId === 'string' ? info.transactionId : undefined;
    if (txId === undefined) return; // schema problems are reported by the connection
    const events = this.transactions.get(txId) ?? [];
    const seqNo = payload.seqNo;
    const text = JSON.stringify(payload);
    // The same message sent again unchanged after the CSMS refused it or left it unanswered is a retry
    // (OCPPCommCtrlr.MessageAttempts), not a new event.
    if (retransmission && events.some((e) => e.seqNo === seqNo && e.text === text)) return;
    if (typeof seqNo === 'number' && events.some((e) => e.seqNo === seqNo)) {
      this.record('tx-seqno-repeated', `transaction ${txId} repeats seqNo ${seqNo}`, frameId);
    }
    if (payload.eventType === 'Started' && events.some((e) => e.eventType === 'Started')) {
      this.record('tx-started-twice', `transaction ${txId} has a second TransactionEventRequest with eventType Started`, frameId);
    }
    events.push({ eventType: payload.eventType, seqNo, frameId, text });
    this.transactions.set(txId, events);
  }

  /**
   * End-of-scenario checks that need every message. Arrival order may differ from the order of events (Part 6 allows
   * that), so "first" means the lowest seqNo.
   */
  finish(): void {
    for (const [txId, events] of this.transactions) {
      const numbered = events.filter((e): e is TxEvent & { seqNo: number } => typeof e.seqNo === 'number');
      const sorted = [...new Set(numbered.map((e) => e.seqNo))].sort((a, b) => a - b);
      const first = [...numbered].sort((a, b) => a.seqNo - b.seqNo)[0];
      if (first && first.eventType !== 'Started' && !this.inherited.has(txId)) {
        this.record(
          'tx-first-not-started',
          `the first TransactionEventRequest of transaction ${txId} (seqNo ${first.seqNo}) has eventType ${String(first.eventType)}, not Started`,
          first.frameId,
        );
      }
      const gaps: number[] = [];
      for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1] as number;
        const cur = sorted[i] as number;
        for (let n = prev + 1; n < cur && gaps.length < 20; n++) gaps.push(n);
      }
      if (gaps.length > 0) {
        this.record('tx-seqno-gap', `seqNo of transaction ${txId} is not consecutive: received ${sorted.join(', ')}, missing ${gaps.join(', ')}`);
      }
    }
  }
}
