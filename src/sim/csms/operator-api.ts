// The operator-trigger HTTP API: what a person would make a CSMS do, as HTTP calls (contract in README.md).
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { validatePayload } from '../../schema/index.ts';
import { sendJson } from '../common/http-json.ts';
import { StationCallError } from './simulator.ts';
import type { CsmsSimulator, StationCallErrorKind } from './simulator.ts';

type Json = Record<string, unknown>;

const MAX_BODY = 1024 * 1024;
const VERSIONS: Record<string, '2.0.1' | '2.1'> = { '2.0.1': '2.0.1', '2.1': '2.1', 'ocpp2.0.1': '2.0.1', 'ocpp2.1': '2.1' };
// HTTP status semantics (the harness's http-octt adapter reads them the same way, see src/actions/http.ts):
//   200 { ok: true, response }                        delivered, and the station answered
//   200 { ok: false, error: { kind: "callerror" } }   delivered, and the station answered with a CALLERROR
//   504 { ok: false, error: { kind: "timeout" } }     delivered, no answer in time
//   any other status (400, 404, 409, 502, ...)        not delivered
const STATUS_OF: Record<StationCallErrorKind, number> = { callerror: 200, timeout: 504, 'not-connected': 404, 'bad-request': 400 };

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly kind: StationCallErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface OperatorApi {
  url: string;
  close(): Promise<void>;
}

const send = sendJson;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpProblem(413, 'bad-request', `request body is larger than ${MAX_BODY} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJsonObject(text: string): Json {
  if (text.trim() === '') return {};
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new HttpProblem(400, 'bad-request', `body is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new HttpProblem(400, 'bad-request', 'body must be a JSON object');
  return v as Json;
}

/**
 * The helper body with the public convention's snake_case keys mapped to ours; a key the helper does not know is a
 * 400 (a silently ignored key would make the operator believe something happened).
 */
function bodyOf(body: Json, allowed: Record<string, string>, helper: string): Json {
  const out: Json = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    const name = allowed[key];
    if (name === undefined) unknown.push(key);
    else out[name] = value;
  }
  if (unknown.length > 0) {
    const known = [...new Set(Object.keys(allowed))].join(', ');
    throw new HttpProblem(400, 'bad-request', `${helper}: unknown key(s) ${unknown.join(', ')} (known: ${known || 'none'})`);
  }
  return out;
}

/** Our key and the convention's snake_case spelling of it, both accepted. */
function keys(...names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    out[n] = n;
    out[n.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = n;
  }
  return out;
}

/** A BasicAuthPassword the CSMS chooses: 32 characters of OCPP's passwordString alphabet (Part 2 asks 16-40). */
function chooseBasicAuthPassword(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789*-_=:+|@.';
  return Array.from(randomBytes(32), (b) => alphabet[b % alphabet.length]).join('');
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new HttpProblem(400, 'bad-request', `${what} is required`);
  return value;
}

function chunk<T>(items: T[], size: number | undefined): T[][] {
  if (!size || size <= 0 || items.length <= size) return [items];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Helper = (sim: CsmsSimulator, identity: string, body: Json) => Promise<unknown>;

const VARIABLE_CALLS = {
  GetVariables: { data: 'getVariableData', result: 'getVariableResult', limit: 'getVariables' },
  SetVariables: { data: 'setVariableData', result: 'setVariableResult', limit: 'setVariables' },
} as const;

/** Sends Get/SetVariables in parts no larger than the station's ItemsPerMessage and answers with all results joined. */
async function variablesInParts(sim: CsmsSimulator, identity: string, action: keyof typeof VARIABLE_CALLS, raw: Json): Promise<Json> {
  const names = VARIABLE_CALLS[action];
  const body = bodyOf(raw, keys(names.data), action === 'GetVariables' ? 'get-variables' : 'set-variables');
  const data = need(Array.isArray(body[names.data]) ? (body[names.data] as unknown[]) : undefined, `${names.data} (array)`);
  const results: unknown[] = [];
  for (const part of chunk(data, sim.knownRecord(identity)?.itemsPerMessage[names.limit])) {
    const res = (await sim.callStation(identity, action, { [names.data]: part })) as Json;
    if (Array.isArray(res[names.result])) results.push(...(res[names.result] as unknown[]));
  }
  return { [names.result]: results };
}

const HELPERS: Record<string, Helper> = {
  'update-basic-auth-password': async (sim, identity, raw) => {
    // The convention sends no body: the CSMS chooses the password. An operator may still name one.
    const body = bodyOf(raw, keys('password'), 'update-basic-auth-password');
    if (body.password !== undefined && typeof body.password !== 'string') throw new HttpProblem(400, 'bad-request', 'password must be a string');
    const password = (body.password as string | undefined) ?? chooseBasicAuthPassword();
    return sim.callStation(identity, 'SetVariables', {
      setVariableData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: password }],
    });
  },
  'trigger-message': async (sim, identity, raw) => {
    const body = bodyOf(raw, keys('requestedMessage', 'evse'), 'trigger-message');
    const requestedMessage = need(typeof body.requestedMessage === 'string' ? body.requestedMessage : undefined, 'requestedMessage');
    const payload: Json = { requestedMessage };
    if (body.evse !== undefined) payload.evse = body.evse;
    return sim.callStation(identity, 'TriggerMessage', payload);
  },
  'get-variables': (sim, identity, body) => variablesInParts(sim, identity, 'GetVariables', body),
  'set-variables': (sim, identity, body) => variablesInParts(sim, identity, 'SetVariables', body),
  'get-base-report': async (sim, identity, raw) => {
    const body = bodyOf(raw, keys('reportBase', 'requestId'), 'get-base-report');
    const reportBase = need(typeof body.reportBase === 'string' ? body.reportBase : undefined, 'reportBase');
    const requestId = typeof body.requestId === 'number' ? body.requestId : sim.nextReportRequestId();
    const res = await sim.callStation(identity, 'GetBaseReport', { requestId, reportBase });
    return { requestId, ...(res as Json) };
  },
  'delete-certificate': async (sim, identity, raw) => {
    const body = bodyOf(raw, keys('certificateType'), 'delete-certificate');
    // An operator picks a certificate from the list the station reports; the CSMS deletes it by the hash data the
    // station gave for it (it never recomputes the hash data itself).
    const certificateType = need(typeof body.certificateType === 'string' ? body.certificateType : undefined, 'certificateType');
    const installed = (await sim.callStation(identity, 'GetInstalledCertificateIds', { certificateType: [certificateType] })) as Json;
    const chain = Array.isArray(installed.certificateHashDataChain) ? (installed.certificateHashDataChain as Json[]) : [];
    const entry = chain.find((e) => e.certificateType === certificateType);
    if (!entry) return { getInstalledCertificateIds: installed, deleted: false };
    const deleted = await sim.callStation(identity, 'DeleteCertificate', { certificateHashData: entry.certificateHashData });
    return { getInstalledCertificateIds: installed, deleteCertificate: deleted };
  },
  reset: async (sim, identity, raw) => {
    const body = bodyOf(raw, keys('type', 'evseId'), 'reset');
    const payload: Json = { type: typeof body.type === 'string' ? body.type : 'OnIdle' };
    if (typeof body.evseId === 'number') payload.evseId = body.evseId;
    return sim.callStation(identity, 'Reset', payload);
  },
  'set-security-profile': async (sim, identity, raw) => {
    const body = bodyOf(raw, keys('securityProfile', 'configurationSlot', 'ocppCsmsUrl', 'messageTimeout', 'ocppInterface', 'reset'), 'set-security-profile');
    const target = need(typeof body.securityProfile === 'number' ? body.securityProfile : undefined, 'securityProfile (number)');
    if (![1, 2, 3].includes(target)) throw new HttpProblem(400, 'bad-request', 'securityProfile must be 1, 2 or 3');
    const current = sim.knownRecord(identity)?.securityProfile ?? 0;
    if (target < current) throw new HttpProblem(409, 'bad-request', `lowering the security profile (${current} -> ${target}) is not allowed`);
    const slot = typeof body.configurationSlot === 'number' ? body.configurationSlot : 1;
    const version = sim.versionOf(identity) ?? '2.0.1';
    const scheme = target === 1 ? 'ws' : 'wss';
    // Raising the profile needs an endpoint for it: the CSMS's upgrade listener (TLS material configured) or the operator's URL.
    if (target > current && typeof body.ocppCsmsUrl !== 'string' && !(target === current + 1 && sim.upgradeUrl)) {
      throw new HttpProblem(409, 'bad-request', `this CSMS has no endpoint for security profile ${target} (it needs TLS material${target === 3 ? ' with a CA for client certificates' : ''}); give ocppCsmsUrl`);
    }
    const defaultUrl = target === current + 1 && sim.upgradeUrl ? sim.upgradeUrl : sim.url.replace(/^wss?:/, `${scheme}:`);
    const connectionData: Json = {
      ocppVersion: version === '2.1' ? 'OCPP21' : 'OCPP20',
      ocppTransport: 'JSON',
      ocppCsmsUrl: typeof body.ocppCsmsUrl === 'string' ? body.ocppCsmsUrl : defaultUrl,
      messageTimeout: typeof body.messageTimeout === 'number' ? body.messageTimeout : 30,
      securityProfile: target,
      ocppInterface: typeof body.ocppInterface === 'string' ? body.ocppInterface : 'Wired0',
    };
    if (validatePayload(version, 'SetNetworkProfile', 'request', { configurationSlot: slot, connectionData }).length > 0) connectionData.ocppVersion = 'OCPP20';
    const steps: Json = {};
    const profile = (await sim.callStation(identity, 'SetNetworkProfile', { configurationSlot: slot, connectionData })) as Json;
    steps.setNetworkProfile = profile;
    if (profile.status !== 'Accepted') return steps;
    // Put the new slot first, keeping the others the station already had as fallbacks.
    const priorityVar = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' } };
    let rest: string[] = [];
    try {
      const got = (await sim.callStation(identity, 'GetVariables', { getVariableData: [priorityVar] })) as Json;
      const first = Array.isArray(got.getVariableResult) ? (got.getVariableResult[0] as Json | undefined) : undefined;
      if (first?.attributeStatus === 'Accepted' && typeof first.attributeValue === 'string') {
        rest = first.attributeValue.split(',').map((s) => s.trim()).filter((s) => s !== '' && s !== String(slot));
      }
    } catch {
      // Without the current list the new slot is the only entry.
    }
    const setVars = (await sim.callStation(identity, 'SetVariables', {
      setVariableData: [{ ...priorityVar, attributeValue: [String(slot), ...rest].join(',') }],
    })) as Json;
    steps.setVariables = setVars;
    const result = Array.isArray(setVars.setVariableResult) ? (setVars.setVariableResult[0] as Json | undefined) : undefined;
    if (result?.attributeStatus !== 'Accepted' && result?.attributeStatus !== 'RebootRequired') return steps;
    if (body.reset !== false) steps.reset = await sim.callStation(identity, 'Reset', { type: 'OnIdle' });
    return steps;
  },
  'set-pending-boot': (sim, identity, raw) => {
    const body = bodyOf(raw, keys('pending', 'acceptAfterMs'), 'set-pending-boot');
    if (typeof body.pending !== 'boolean') throw new HttpProblem(400, 'bad-request', 'pending (boolean) is required');
    const station = sim.record(identity);
    const after = body.acceptAfterMs;
    if (after !== undefined && (typeof after !== 'number' || !Number.isInteger(after) || after < 0)) {
      throw new HttpProblem(400, 'bad-request', 'acceptAfterMs must be a non-negative integer');
    }
    station.pendingAcceptAfterMs = after;
    if (body.pending) {
      station.bootOverride = 'Pending';
      station.provisioned = false;
      station.pendingSince = undefined;
      station.pendingWorkDone = false;
    } else {
      station.bootOverride = 'Accepted';
    }
    return Promise.resolve(after === undefined ? { pending: body.pending } : { pending: body.pending, acceptAfterMs: after });
  },
  'set-items-per-message': (sim, identity, raw) => {
    // getReport is the convention's limit for GetReport criteria; this CSMS sends a GetReportRequest only as the
    // operator builds it (call/GetReport), so the value is checked and reported back but changes nothing.
    const body = bodyOf(raw, keys('getVariables', 'setVariables', 'getReport'), 'set-items-per-message');
    const station = sim.record(identity);
    for (const key of ['getVariables', 'setVariables', 'getReport'] as const) {
      const v = body[key];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) throw new HttpProblem(400, 'bad-request', `${key} must be a positive integer`);
      if (key !== 'getReport') station.itemsPerMessage[key] = v;
    }
    return Promise.resolve({ itemsPerMessage: { ...station.itemsPerMessage }, ...(body.getReport !== undefined ? { getReportUnused: body.getReport } : {}) });
  },
};

export const OPERATOR_HELPERS = Object.keys(HELPERS);

async function route(sim: CsmsSimulator, req: IncomingMessage): Promise<{ status: number; body: unknown }> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const parts = url.pathname.split('/').filter((s) => s !== '');
  if (parts[0] !== 'api' || parts[1] !== 'octt') throw new HttpProblem(404, 'bad-request', `no route ${url.pathname}`);
  const rest = parts.slice(2).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw new HttpProblem(400, 'bad-request', `bad percent-encoding in "${s}"`);
    }
  });
  const method = req.method ?? 'GET';
  // GET /api/octt/stations and GET /api/octt/{version}/stations
  if ((rest.length === 1 && rest[0] === 'stations') || (rest.length === 2 && rest[1] === 'stations' && VERSIONS[rest[0]!])) {
    if (method !== 'GET') throw new HttpProblem(405, 'bad-request', 'use GET');
    return { status: 200, body: { ok: true, stations: sim.stations() } };
  }
  const version = VERSIONS[rest[0] ?? ''];
  if (!version) throw new HttpProblem(404, 'bad-request', `unknown OCPP version "${rest[0] ?? ''}" (use 2.0.1 or 2.1)`);
  const identity = rest[1];
  if (identity === undefined) throw new HttpProblem(404, 'bad-request', 'station id missing');
  if (rest.length === 2) {
    if (method !== 'GET') throw new HttpProblem(405, 'bad-request', 'use GET');
    const rec = sim.knownRecord(identity);
    if (!rec) throw new HttpProblem(404, 'not-connected', `station "${identity}" has never connected`);
    return { status: 200, body: { ok: true, station: rec.snapshot() } };
  }
  if (method !== 'POST') throw new HttpProblem(405, 'bad-request', 'use POST');
  const body = parseJsonObject(await readBody(req));
  const connectedVersion = sim.versionOf(identity);
  const checkVersion = (): void => {
    if (connectedVersion && connectedVersion !== version) {
      throw new HttpProblem(409, 'bad-request', `station "${identity}" is connected with OCPP ${connectedVersion}, not ${version}`);
    }
  };
  if (rest[2] === 'call' && rest.length === 4) {
    const action = rest[3]!;
    if (!/^[A-Za-z0-9]+$/.test(action)) throw new HttpProblem(400, 'bad-request', `bad action name "${action}"`);
    checkVersion();
    const response = await sim.callStation(identity, action, body);
    return { status: 200, body: { ok: true, response } };
  }
  const helper = rest.length === 3 ? HELPERS[rest[2]!] : undefined;
  if (!helper) {
    throw new HttpProblem(404, 'bad-request', `no route ${url.pathname} (helpers: ${OPERATOR_HELPERS.join(', ')}, or call/{Action})`);
  }
  checkVersion();
  const response = await helper(sim, identity, body);
  return { status: 200, body: { ok: true, response } };
}

export async function startOperatorApi(sim: CsmsSimulator, host: string, port: number): Promise<OperatorApi> {
  const server: Server = createServer((req, res) => {
    route(sim, req).then(
      ({ status, body }) => send(res, status, body),
      (err: unknown) => {
        if (err instanceof HttpProblem) {
          const error: Json = { kind: err.kind, description: err.message };
          if (err.details !== undefined) error.details = err.details;
          send(res, err.status, { ok: false, error });
        } else if (err instanceof StationCallError) {
          const error: Json = { kind: err.kind, description: err.message };
          if (err.code !== undefined) error.code = err.code;
          if (err.details !== undefined) error.details = err.details;
          send(res, STATUS_OF[err.kind], { ok: false, error });
        } else {
          send(res, 500, { ok: false, error: { kind: 'bad-request', description: `internal error: ${err instanceof Error ? err.message : String(err)}` } });
        }
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
