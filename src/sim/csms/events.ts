// Events the reference CSMS reports, and a small typed emitter with deadline-bound waiting (tests wait on these).
import type { HandshakeFacts } from '../../transport/types.ts';

export interface CsmsSimEvents {
  connected: { identity: string; facts: HandshakeFacts };
  disconnected: { identity: string; code: number; reason: string };
  /** A station request was answered (or refused with a CALLERROR, or deliberately left unanswered). */
  request: { identity: string; action: string; payload: unknown; response?: unknown; error?: { code: string; description: string }; noReply?: boolean };
  /** A request the CSMS sent has settled. */
  call: { identity: string; action: string; payload: unknown; response?: unknown; error?: { kind: string; code?: string; description?: string } };
  /** The provisioning requests of a Pending station are done. */
  pendingWorkDone: { identity: string };
  /** A CertificateSigned request went out after a SignCertificate. */
  certificateSent: { identity: string; accepted: boolean; error?: string };
}

export type CsmsSimEventName = keyof CsmsSimEvents;

export class WaitTimeoutError extends Error {
  constructor(event: string, timeoutMs: number) {
    super(`no matching "${event}" event within ${timeoutMs} ms`);
    this.name = 'WaitTimeoutError';
  }
}

export class TypedEmitter<E extends object> {
  private readonly listeners = new Map<keyof E, Set<(v: never) => void>>();

  on<K extends keyof E>(event: K, listener: (value: E[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as (v: never) => void);
    return () => set.delete(listener as (v: never) => void);
  }

  emit<K extends keyof E>(event: K, value: E[K]): void {
    for (const l of [...(this.listeners.get(event) ?? [])]) {
      try {
        (l as (v: E[K]) => void)(value);
      } catch {
        // A listener's failure must not break the simulator.
      }
    }
  }

  /** Resolves with the first event matching predicate; rejects with WaitTimeoutError after timeoutMs. */
  waitFor<K extends keyof E>(event: K, predicate: (value: E[K]) => boolean = () => true, timeoutMs = 10_000): Promise<E[K]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new WaitTimeoutError(String(event), timeoutMs));
      }, timeoutMs);
      const off = this.on(event, (v) => {
        if (!predicate(v)) return;
        clearTimeout(timer);
        off();
        resolve(v);
      });
    });
  }
}
