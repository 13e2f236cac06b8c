// Interop: a Charging Station we did not write (the ocpp-rpc npm client, strict mode = schema validation both ways)
// boots against the reference CSMS, and an operator-API request reaches it and its answer comes back over HTTP.
import { createRequire } from 'node:module';
import { createValidator, RPCClient } from 'ocpp-rpc';
import { afterEach, describe, expect, it } from 'vitest';
import { startCsmsSim } from '../../../src/sim/csms/index.ts';
import type { CsmsSim } from '../../../src/sim/csms/index.ts';
import { post } from './helpers.ts';

// ocpp-rpc 2.2.1 ships its OCPP 2.1 schemas with ids 'urn:<Action>Request' / 'urn:<Action>Response' but looks them up as
// 'urn:<Action>.req' / 'urn:<Action>.conf', so its built-in 2.1 strict mode rejects every message. We give it the same
// schemas under the ids it looks for (its own schemas, unchanged otherwise).
function ocpp21Validator(): ReturnType<typeof createValidator> {
  const require = createRequire(import.meta.url);
  const schemas = require('ocpp-rpc/lib/schemas/ocpp2_1.json') as Array<Record<string, unknown>>;
  const renamed = schemas.map((schema) => {
    const id = String(schema.$id);
    return { ...schema, $id: id.replace(/Request$/, '.req').replace(/Response$/, '.conf') };
  });
  return createValidator('ocpp2.1', renamed);
}

let sim: CsmsSim | undefined;
let client: RPCClient | undefined;

afterEach(async () => {
  await client?.close({ force: true });
  await sim?.stop();
  client = undefined;
  sim = undefined;
});

describe('interop with ocpp-rpc (strict mode)', () => {
  for (const version of ['2.0.1', '2.1'] as const) {
    it(`OCPP ${version}: boots, heartbeats, and answers GetVariables and Reset sent through the operator API`, async () => {
      sim = await startCsmsSim({ heartbeatIntervalS: 60 });
      const protocol = version === '2.1' ? 'ocpp2.1' : 'ocpp2.0.1';
      client = new RPCClient({
        endpoint: sim.url.replace(/\/$/, ''),
        identity: 'RPC-CS-1',
        protocols: [protocol],
        strictMode: true,
        ...(version === '2.1' ? { strictModeValidators: [ocpp21Validator()] } : {}),
        reconnect: false,
        // ocpp-rpc's typings mark every option as required; the library itself fills in defaults.
      } as ConstructorParameters<typeof RPCClient>[0]);
      const seen: string[] = [];
      client.handle('GetVariables', ({ params }) => {
        seen.push('GetVariables');
        const data = (params as { getVariableData: Array<Record<string, unknown>> }).getVariableData;
        return Promise.resolve({
          getVariableResult: data.map((d) => ({ attributeStatus: 'Accepted', component: d.component, variable: d.variable, attributeValue: '42' })),
        });
      });
      client.handle('Reset', () => {
        seen.push('Reset');
        return Promise.resolve({ status: 'Scheduled' });
      });
      await client.connect();
      expect(client.protocol).toBe(protocol);
      const boot = (await client.call('BootNotification', {
        reason: 'PowerUp',
        chargingStation: { model: 'Interop', vendorName: 'ocpp-rpc' },
      })) as Record<string, unknown>;
      expect(boot).toMatchObject({ status: 'Accepted', interval: 60 });
      await expect(client.call('Heartbeat', {})).resolves.toHaveProperty('currentTime');
      await client.call('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: 1, connectorId: 1 });
      expect(sim.station('RPC-CS-1')).toMatchObject({ bootStatus: 'Accepted', version, connectors: [{ status: 'Available' }] });

      const api = `${sim.operatorApiUrl!}/api/octt/${version}/RPC-CS-1`;
      const got = await post(`${api}/call/GetVariables`, {
        getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }],
      });
      expect(got.status).toBe(200);
      expect(got.json).toEqual({
        ok: true,
        response: { getVariableResult: [{ attributeStatus: 'Accepted', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeValue: '42' }] },
      });
      const reset = await post(`${api}/reset`, { type: 'OnIdle' });
      expect(reset.json).toEqual({ ok: true, response: { status: 'Scheduled' } });
      expect(seen).toEqual(['GetVariables', 'Reset']);
    });
  }
});
