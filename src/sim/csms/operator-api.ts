// The operator-trigger HTTP API: what a person would make a CSMS do, as HTTP calls (contract in README.md).
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validatePayload } from '../../schema/index.ts';
import { sendJson } from '../common/http-json.ts';
import { StationCallError } from './simulator.ts';
import type { CsmsSimulator, StationCallErrorKind } from './simulator.ts';

type Json = Record<string, unknown>;

const MAX_BODY = 1024 * 1024;
const VERSIONS: Record<string, '2.0.1' | '2.1'> = { '2.0.1': '2.0.1', '2.1': '2.1', 'ocpp2.0.1': '2.0.1', 'ocpp2.1': '2.1' };
const STATUS_OF: Record<StationCallErrorKind, number> = { callerror: 502, timeout: 504, 'not-connected': 404, 'bad-request': 400 };

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
async function variablesInParts(sim: CsmsSimulator, identity: string, action: keyof typeof VARIABLE_CALLS, body: Json): Promise<Json> {
  const keys = VARIABLE_CALLS[action];
  const data = need(Array.isArray(body[keys.data]) ? (body[keys.data] as unknown[]) : undefined, `${keys.data} (array)`);
  const results: unknown[] = [];
  for (const part of chunk(data, sim.knownRecord(identity)?.itemsPerMessage[keys.limit])) {
    const res = (await sim.callStation(identity, action, { [keys.data]: part })) as Json;
    if (Array.isArray(res[keys.result])) results.push(...(res[keys.result] as unknown[]));
  }
  return { [keys.result]: results };
}

const HELPERS: Record<string, Helper> = {
  'update-basic-auth-password': async (sim, identity, body) => {
    const password = need(typeof body.password === 'string' ? body.password : undefined, 'password (string)');
    return sim.callStation(identity, 'SetVariables', {
      setVariableData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: password }],
    });
  },
  'trigger-message': async (sim, identity, body) => {
    const requestedMessage = need(typeof body.requestedMessage === 'string' ? body.requestedMessage : undefined, 'requestedMessage');
    const payload: Json = { requestedMessage };
    if (body.evse !== undefined) payload.evse = body.evse;
    return sim.callStation(identity, 'TriggerMessage', payload);
  },
  'get-variables': (sim, identity, body) => variablesInParts(sim, identity, 'GetVariables', body),
  'set-variables': (sim, identity, body) => variablesInParts(sim, identity, 'SetVariables', body),
  'get-base-report': async (sim, identity, body) => {
    const reportBase = need(typeof body.reportBase === 'string' ? body.reportBase : undefined, 'reportBase');
    const requestId = typeof body.requestId === 'number' ? body.requestId : sim.nextReportRequestId();
    const res = await sim.callStation(identity, 'GetBaseReport', { requestId, reportBase });
    return { requestId, ...(res as Json) };
  },
  'delete-certificate': async (sim, identity, body) => {
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
  reset: async (sim, identity, body) => {
    const payload: Json = { type: typeof body.type === 'string' ? body.type : 'OnIdle' };
    if (typeof body.evseId === 'number') payload.evseId = body.evseId;
    return sim.callStation(identity, 'Reset', payload);
  },
  'set-security-profile': async (sim, identity, body) => {
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
  'set-pending-boot': (sim, identity, body) => {
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
  'set-items-per-message': (sim, identity, body) => {
    const station = sim.record(identity);
    for (const key of ['getVariables', 'setVariables'] as const) {
      const v = body[key];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) throw new HttpProblem(400, 'bad-request', `${key} must be a positive integer`);
      station.itemsPerMessage[key] = v;
    }
    return Promise.resolve({ itemsPerMessage: { ...station.itemsPerMessage } });
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
