// What the run knows about a long-lived Charging Station across cases, read off the wire of the run-scoped endpoint:
// the answer its last BootNotification got, the status it last reported per connector, the transactions it has open.
// The verified preconditions (src/states/cs-preconditions.ts) start from these facts and ask the station where they
// are not enough.

type Json = Record<string, unknown>;

export interface BootFact {
  status: string;
  /** interval of our answer (s) */
  interval: number | undefined;
  answeredAt: number;
}

export class StationFacts {
  /** Our answer to the station's latest BootNotificationRequest; undefined before the first one of the run. */
  boot: BootFact | undefined;
  /** A BootNotificationRequest of the station that has not been answered yet (its message id). */
  unansweredBoot: string | undefined;
  /** "evseId/connectorId" -> the status the station last reported. */
  readonly connectors = new Map<string, string>();
  /** transactionIds the station started and has not ended. */
  readonly openTransactions = new Set<string>();
  /** Every TransactionEvent of the run per transactionId (eventType, seqNo), for the rule checks of later cases. */
  readonly transactionEvents = new Map<string, Array<{ eventType: unknown; seqNo: unknown }>>();
  private readonly calls = new Map<string, string>();

  /** A frame the station sent. */
  fromStation(text: string): void {
    const frame = parse(text);
    if (!frame || frame[0] !== 2 || typeof frame[1] !== 'string' || typeof frame[2] !== 'string') return;
    const [, id, action] = frame as [number, string, string, Json | undefined];
    const p = (frame[3] ?? {}) as Json;
    this.calls.set(id, action);
    if (this.calls.size > 1000) this.calls.delete(this.calls.keys().next().value as string);
    if (action === 'BootNotification') this.unansweredBoot = id;
    else if (action === 'StatusNotification') this.connectors.set(`${String(p.evseId)}/${String(p.connectorId)}`, String(p.connectorStatus));
    else if (action === 'NotifyEvent') {
      for (const d of (p.eventData as Json[] | undefined) ?? []) {
        const c = d.component as Json | undefined;
        const evse = c?.evse as Json | undefined;
        if (c?.name === 'Connector' && (d.variable as Json | undefined)?.name === 'AvailabilityState' && evse) this.connectors.set(`${String(evse.id)}/${String(evse.connectorId)}`, String(d.actualValue));
      }
    } else if (action === 'TransactionEvent') {
      const tx = (p.transactionInfo as Json | undefined)?.transactionId;
      if (typeof tx !== 'string') return;
      this.transactionEvents.set(tx, [...(this.transactionEvents.get(tx) ?? []), { eventType: p.eventType, seqNo: p.seqNo }]);
      if (p.eventType === 'Ended') this.openTransactions.delete(tx);
      else this.openTransactions.add(tx);
    }
  }

  /** A frame we sent to the station. */
  toStation(text: string): void {
    const frame = parse(text);
    if (!frame || frame[0] !== 3 || typeof frame[1] !== 'string') return;
    if (this.calls.get(frame[1]) !== 'BootNotification') return;
    const p = (frame[2] ?? {}) as Json;
    this.boot = { status: String(p.status), interval: typeof p.interval === 'number' ? p.interval : undefined, answeredAt: Date.now() };
    if (this.unansweredBoot === frame[1]) this.unansweredBoot = undefined;
  }

  /** The station dropped its connection: its unanswered request died with it. */
  connectionLost(): void {
    this.unansweredBoot = undefined;
  }

  /** Connectors whose last report was not Available, as "evse/connector status". */
  busyConnectors(): string[] {
    return [...this.connectors].filter(([, s]) => s !== 'Available').map(([k, s]) => `${k} ${s}`);
  }
}

function parse(text: string): unknown[] | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}
