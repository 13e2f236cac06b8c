// HTTP adapters: the bench-gateway convention on the station side and the octt convention on the CSMS side.
//   station:  POST {base}/api/v1/plugin?evse_id=&connector_id=   /plugout   /authorize?id=&type=&evse_id=
//             /reboot   /parkingbay?evse_id=&occupied=   /offline   /online   /masterpass?evse_id=<id>|all
//   CSMS:     POST {base}/api/octt/{version}/{station}/call/{Action}   (JSON body = request payload)
//             POST {base}/api/octt/{version}/{station}/{helper}        (JSON body = helper arguments)
import { ActionFailed } from './types.ts';
import type { EvState, MasterPassTarget, OperatorTriggers, SutActions } from './types.ts';

export interface HttpResult {
  status: number;
  body: unknown;
}

export async function httpRequest(method: string, url: string, body?: unknown, timeoutMs = 30_000): Promise<HttpResult> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw new ActionFailed(`${method} ${url} failed: ${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)}`);
  }
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, body: parsed };
}

function ensureOk(method: string, url: string, r: HttpResult): void {
  if (r.status >= 200 && r.status < 300) return;
  const detail = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
  throw new ActionFailed(`${method} ${url} answered HTTP ${r.status}: ${detail.slice(0, 300)}`);
}

export class HttpGatewayActions implements SutActions {
  readonly kind = 'http-gateway';
  private readonly base: string;
  constructor(
    baseUrl: string,
    private readonly timeoutMs = 30_000,
  ) {
    this.base = baseUrl.replace(/\/$/, '');
  }

  private async post(path: string, query: Record<string, string | number | boolean> = {}): Promise<void> {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const url = `${this.base}/api/v1/${path}${qs ? `?${qs}` : ''}`;
    ensureOk('POST', url, await httpRequest('POST', url, undefined, this.timeoutMs));
  }

  plugIn(evseId: number, connectorId: number): Promise<void> {
    return this.post('plugin', { evse_id: evseId, connector_id: connectorId });
  }
  plugOut(evseId: number, connectorId: number): Promise<void> {
    return this.post('plugout', { evse_id: evseId, connector_id: connectorId });
  }
  presentIdToken(idToken: string, type: string, evseId: number): Promise<void> {
    return this.post('authorize', { id: idToken, type, evse_id: evseId });
  }
  reboot(): Promise<void> {
    return this.post('reboot');
  }
  parkingBay(occupied: boolean, evseId: number): Promise<void> {
    return this.post('parkingbay', { evse_id: evseId, state: occupied ? 'occupied' : 'free' });
  }
  setOnline(online: boolean): Promise<void> {
    return this.post(online ? 'online' : 'offline');
  }
  evState(state: EvState, evseId: number, connectorId: number): Promise<void> {
    return this.post('state', { state, evse_id: evseId, connector_id: connectorId });
  }
  /** Not an OCTT gateway path (the reference station has it); a gateway without it answers 404: INCONCLUSIVE. */
  storeCustomerIdentifier(identifier: string): Promise<void> {
    return this.post('customer', { identifier });
  }

  masterPassStop(target: MasterPassTarget): Promise<void> {
    return this.post('masterpass', { evse_id: target });
  }
}

export class HttpOcttTriggers implements OperatorTriggers {
  readonly kind = 'http-octt';
  private readonly base: string;
  constructor(
    baseUrl: string,
    private readonly version: string,
    private readonly station: string,
    private readonly timeoutMs = 60_000,
  ) {
    this.base = baseUrl.replace(/\/$/, '');
  }

  private url(tail: string): string {
    return `${this.base}/api/octt/${encodeURIComponent(this.version)}/${encodeURIComponent(this.station)}/${tail}`;
  }

  async send(action: string, payload: Record<string, unknown>): Promise<unknown> {
    const url = this.url(`call/${encodeURIComponent(action)}`);
    return unwrap('POST', url, await httpRequest('POST', url, payload, this.timeoutMs));
  }

  async helper(name: string, body: Record<string, unknown>): Promise<unknown> {
    const url = this.url(encodeURIComponent(name));
    return unwrap('POST', url, await httpRequest('POST', url, body, this.timeoutMs));
  }
}

/** What an answer of the trigger endpoint says about the request it was asked to send. */
export type OcttOutcome = 'answered' | 'callerror' | 'no-answer' | 'not-delivered';

/**
 * The http-octt status semantics (README "Testing your own ... CSMS"):
 *   2xx with { ok: true, response } (or any other body)      delivered, and the station answered
 *   2xx with { ok: false, error: { kind: "callerror" } }      delivered, and the station answered with a CALLERROR
 *   504                                                       delivered, the station did not answer in time
 *   any other status (400, 404, 409, 500, 502, 503, ...)      not delivered: the CSMS could not send the request
 * Delivered outcomes leave the verdict to what arrives on the wire; "not delivered" makes the case INCONCLUSIVE.
 */
export function octtOutcome(r: HttpResult): OcttOutcome {
  const body = r.body as { ok?: boolean; error?: { kind?: unknown } } | undefined;
  if (r.status >= 200 && r.status < 300) {
    if (body?.ok !== false) return 'answered';
    return body.error?.kind === 'callerror' ? 'callerror' : 'not-delivered';
  }
  return r.status === 504 ? 'no-answer' : 'not-delivered';
}

function unwrap(method: string, url: string, r: HttpResult): unknown {
  const body = r.body as { ok?: boolean; response?: unknown; error?: unknown } | undefined;
  const outcome = octtOutcome(r);
  if (outcome === 'answered') return body?.response ?? body;
  const detail = JSON.stringify(body?.error ?? r.body ?? '').slice(0, 300);
  const what = outcome === 'not-delivered' ? 'the CSMS could not deliver the request' : outcome === 'callerror' ? 'delivered; the station answered with a CALLERROR' : 'delivered; no answer in time';
  throw new ActionFailed(`${method} ${url} answered HTTP ${r.status} (${what}): ${detail}`, outcome !== 'not-delivered');
}
