// The HTTP SUT-action API of the reference station, on the paths lab gateways use for OCA's test tool.
// Contract: src/sim/station/README.md.

import { HttpError, startJsonServer, type JsonRequest, type JsonServer } from '../common/http-json.ts';
import { storeCustomerIdentifier } from './areas/customer-information.ts';
import type { StationCore } from './core.ts';
import { StationActionError, type BootReason, type IdTokenType, type StationStateName } from './types.ts';

const ID_TOKEN_TYPES: IdTokenType[] = ['Central', 'eMAID', 'ISO14443', 'ISO15693', 'KeyCode', 'Local', 'MacAddress', 'NoAuthorization'];
const BOOT_REASONS: BootReason[] = ['ApplicationReset', 'FirmwareUpdate', 'LocalReset', 'PowerUp', 'RemoteReset', 'ScheduledReset', 'Triggered', 'Unknown', 'Watchdog'];
const STATES: Record<string, StationStateName> = {
  faulted: 'faulted',
  available: 'available',
  unlockfailure: 'unlockfailure',
  suspendedev: 'suspendedEV',
  suspendedevse: 'suspendedEVSE',
  charging: 'charging',
  pluggedin: 'plugged-in',
  'plugged-in': 'plugged-in',
  pluggedout: 'plugged-out',
  'plugged-out': 'plugged-out',
};

function intParam(req: JsonRequest, name: string, fallback: number | undefined): number | undefined {
  const raw = req.params[name] ?? req.params[camel(name)];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new HttpError(400, `${name} must be a non-negative integer, got "${raw}"`);
  return Number(raw);
}

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Maps station action errors to 409 (wrong state) and bad arguments to 400. */
function act(fn: () => unknown): { status: number; body: unknown } {
  try {
    const extra = fn();
    return { status: 200, body: { ok: true, ...(extra && typeof extra === 'object' ? extra : {}) } };
  } catch (e) {
    if (e instanceof StationActionError) {
      const status = /^no (EVSE|connector)|has no connector/.test(e.message) ? 404 : 409;
      throw new HttpError(status, e.message);
    }
    throw e;
  }
}

export async function startActionApi(station: StationCore, opts: { host?: string; port?: number }): Promise<JsonServer> {
  return startJsonServer({
    host: opts.host ?? '127.0.0.1',
    port: opts.port ?? 0,
    routes: [
      {
        method: 'POST',
        path: '/api/v1/plugin',
        handler: (req) => act(() => station.plugIn(intParam(req, 'evse_id', 1), intParam(req, 'connector_id', 1))),
      },
      {
        method: 'POST',
        path: '/api/v1/plugout',
        handler: (req) => act(() => station.plugOut(intParam(req, 'evse_id', 1), intParam(req, 'connector_id', undefined))),
      },
      {
        method: 'POST',
        path: '/api/v1/authorize',
        handler: (req) => {
          const id = req.params.id ?? req.params.idToken ?? req.params.id_token;
          if (!id) throw new HttpError(400, 'id (the idToken) is required');
          const type = (req.params.type ?? 'ISO14443') as IdTokenType;
          if (!ID_TOKEN_TYPES.includes(type)) throw new HttpError(400, `type must be one of ${ID_TOKEN_TYPES.join(', ')}`);
          if (id.length > 36) throw new HttpError(400, 'id must have at most 36 characters');
          return act(() => station.presentToken({ idToken: id, type }, intParam(req, 'evse_id', undefined)));
        },
      },
      {
        method: 'POST',
        path: '/api/v1/reboot',
        handler: (req) => {
          const reason = (req.params.reason ?? 'PowerUp') as BootReason;
          if (!BOOT_REASONS.includes(reason)) throw new HttpError(400, `reason must be one of ${BOOT_REASONS.join(', ')}`);
          return act(() => station.reboot(reason));
        },
      },
      {
        method: 'POST',
        path: '/api/v1/state',
        handler: (req) => {
          const raw = req.params.state;
          if (!raw) throw new HttpError(400, `state is required: one of ${Object.keys(STATES).join(', ')}`);
          const state = STATES[raw.toLowerCase()];
          if (!state) throw new HttpError(400, `unknown state "${raw}": use one of ${Object.keys(STATES).join(', ')}`);
          return act(() => station.setState(state, intParam(req, 'evse_id', 1), intParam(req, 'connector_id', 1)));
        },
      },
      {
        method: 'POST',
        path: '/api/v1/parkingbay',
        handler: (req) => {
          const state = (req.params.state ?? '').toLowerCase();
          if (state !== 'occupied' && state !== 'free') throw new HttpError(400, 'state must be occupied or free');
          return act(() => station.setParkingBay(intParam(req, 'evse_id', 1) ?? 1, state === 'occupied'));
        },
      },
      {
        method: 'POST',
        path: '/api/v1/masterpass',
        handler: (req) => {
          // evse_id=all: every transaction; evse_id=N: that EVSE's (the holder's selection on the master pass UI).
          const raw = req.params.evse_id ?? req.params.evseId;
          if (raw === 'all') return act(() => station.masterPassStop('all'));
          const evseId = intParam(req, 'evse_id', undefined);
          if (evseId === undefined) throw new HttpError(400, 'evse_id is required: an EVSE id, or all');
          return act(() => station.masterPassStop(evseId));
        },
      },
      { method: 'POST', path: '/api/v1/offline', handler: () => act(() => station.goOffline()) },
      { method: 'POST', path: '/api/v1/online', handler: () => act(() => station.goOnline()) },
      {
        // Not an OCTT gateway path: an operator stores a customer identifier at the station (TC_N_62_CS).
        method: 'POST',
        path: '/api/v1/customer',
        handler: (req) => {
          const id = req.params.identifier ?? '';
          if (id === '' || id.length > 64) throw new HttpError(400, 'identifier (the customerIdentifier, 1 to 64 characters) is required');
          return act(() => storeCustomerIdentifier(station, id));
        },
      },
      { method: 'GET', path: '/api/v1/status', handler: () => ({ status: 200, body: { ok: true, state: station.snapshot() } }) },
    ],
  });
}
