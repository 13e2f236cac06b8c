// Interop: the reference station against a CSMS we did not write (ocpp-rpc's RPCServer in strict mode, which
// validates every message both ways against its own copy of the OCPP 2.0.1 schemas).
import type { AddressInfo } from 'node:net';
import { RPCServer } from 'ocpp-rpc';
import { afterEach, describe, expect, it } from 'vitest';
import { formatOcppDateTime } from '../../../src/schema/datetime.ts';
import { startStationSim, type StationSim } from '../../../src/sim/station/index.ts';
import { ConditionWaits } from '../../helpers/condition-waits.ts';

/** The part of ocpp-rpc's server-side client this test uses. */
interface RpcClient {
  on(event: string, listener: (e: unknown) => void): void;
  handle(handler: (call: { method: string; params: Record<string, unknown> }) => unknown): void;
  call(method: string, params: unknown): Promise<unknown>;
}

interface Seen {
  method: string;
  params: Record<string, unknown>;
}

let sim: StationSim | undefined;
let server: InstanceType<typeof RPCServer> | undefined;

afterEach(async () => {
  await sim?.stop();
  await server?.close({ force: true });
  sim = undefined;
  server = undefined;
});

describe('interop: ocpp-rpc RPCServer (strict mode)', () => {
  it('boots, reports status, heartbeats, charges, and answers CSMS requests without any strict-validation failure', async () => {
    const seen: Seen[] = [];
    const failures: unknown[] = [];
    const seenChanges = new ConditionWaits();
    const waitUntil = (test: () => boolean, what: string, ms = 5000): Promise<void> =>
      seenChanges.until(test, () => `${what} not seen within ${ms} ms; seen: ${seen.map((s) => s.method).join(', ')}`, ms);

    let client: RpcClient | undefined;
    server = new RPCServer({ protocols: ['ocpp2.0.1'], strictMode: true });
    server.on('client', (c: RpcClient) => {
      client = c;
      c.on('strictValidationFailure', (e: unknown) => failures.push(e));
      c.on('badMessage', (e: unknown) => failures.push(e));
      c.handle(({ method, params }) => {
        seen.push({ method, params });
        seenChanges.changed();
        switch (method) {
          case 'BootNotification':
            return { currentTime: formatOcppDateTime(new Date()), interval: 1, status: 'Accepted' };
          case 'Heartbeat':
            return { currentTime: formatOcppDateTime(new Date()) };
          case 'Authorize':
            return { idTokenInfo: { status: 'Accepted' } };
          default:
            return {};
        }
      });
    });
    const http = await server.listen(0, '127.0.0.1');
    const port = (http.address() as AddressInfo).port;

    sim = await startStationSim({ csmsUrl: `ws://127.0.0.1:${port}/ocpp`, identity: 'INTEROP1', actionApi: false, timers: { heartbeatMs: 100 } });
    await waitUntil(() => seen.some((s) => s.method === 'StatusNotification'), 'StatusNotification');
    await waitUntil(() => seen.filter((s) => s.method === 'Heartbeat').length >= 2, 'two Heartbeats');
    expect(seen[0]?.method).toBe('BootNotification');

    sim.plugIn(1, 1);
    sim.presentToken('TAG1', 1);
    await waitUntil(() => seen.some((s) => s.method === 'TransactionEvent' && s.params.eventType === 'Started'), 'TransactionEvent Started');
    sim.plugOut(1, 1);
    await waitUntil(() => seen.some((s) => s.method === 'TransactionEvent' && s.params.eventType === 'Ended'), 'TransactionEvent Ended');

    const got = (await client?.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] })) as {
      getVariableResult: Array<{ attributeStatus: string }>;
    };
    expect(got.getVariableResult[0]?.attributeStatus).toBe('Accepted');
    expect(await client?.call('GetBaseReport', { requestId: 5, reportBase: 'FullInventory' })).toEqual({ status: 'Accepted' });
    await waitUntil(() => seen.some((s) => s.method === 'NotifyReport' && s.params.tbc === false), 'last NotifyReport');

    expect(failures).toEqual([]);
    expect(sim.state()).toMatchObject({ connected: true, bootState: 'Accepted' });
  });

  it('strict mode is really on: the rpc.schemaInvalidResponse fault is caught by ocpp-rpc', async () => {
    const failures: unknown[] = [];
    let client: RpcClient | undefined;
    let ready: () => void = () => undefined;
    const booted = new Promise<void>((resolve) => (ready = resolve));
    server = new RPCServer({ protocols: ['ocpp2.0.1'], strictMode: true });
    server.on('client', (c: RpcClient) => {
      client = c;
      c.on('strictValidationFailure', (e: unknown) => failures.push(e));
      c.handle(({ method }) => {
        if (method === 'StatusNotification') ready();
        return method === 'BootNotification' ? { currentTime: formatOcppDateTime(new Date()), interval: 300, status: 'Accepted' } : {};
      });
    });
    const http = await server.listen(0, '127.0.0.1');
    const port = (http.address() as AddressInfo).port;
    sim = await startStationSim({ csmsUrl: `ws://127.0.0.1:${port}/ocpp`, identity: 'INTEROP2', actionApi: false, faults: ['rpc.schemaInvalidResponse'] });
    await booted;
    await expect(client?.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] })).rejects.toThrow();
    expect(failures.length).toBeGreaterThan(0);
  });
});
