// Availability area of the reference CSMS: each fault bends exactly the ChangeAvailability / NotifyEvent traffic it names.
import { describe, expect, it } from 'vitest';
import { CallErrorResponse } from '../../../src/rpc/index.ts';
import type { CsmsSim } from '../../../src/sim/csms/index.ts';
import { simWithStation } from './helpers.ts';
import type { ScriptedStation } from './helpers.ts';

const booted = simWithStation('AV1');

/** What the station receives when the operator asks for `asked`. */
async function onTheWire({ sim, st }: { sim: CsmsSim; st: ScriptedStation }, asked: Record<string, unknown>): Promise<Record<string, unknown>> {
  const arrived = st.nextRequest('ChangeAvailability');
  await sim.callStation('AV1', 'ChangeAvailability', asked);
  return await arrived;
}

const STATION = { operationalStatus: 'Inoperative' };
const EVSE = { operationalStatus: 'Inoperative', evse: { id: 2 } };
const CONNECTOR = { operationalStatus: 'Operative', evse: { id: 2, connectorId: 1 } };

describe('availability area', () => {
  it('without faults the request goes out as the operator asked', async () => {
    const s = await booted([]);
    for (const asked of [STATION, EVSE, CONNECTOR]) expect(await onTheWire(s, asked)).toEqual(asked);
  });

  it('availability.swapOperationalStatus swaps Operative and Inoperative', async () => {
    const s = await booted(['availability.swapOperationalStatus']);
    expect(await onTheWire(s, EVSE)).toEqual({ ...EVSE, operationalStatus: 'Operative' });
    expect(await onTheWire(s, CONNECTOR)).toEqual({ ...CONNECTOR, operationalStatus: 'Inoperative' });
  });

  it('availability.connectorAsWholeEvse drops the connectorId only', async () => {
    const s = await booted(['availability.connectorAsWholeEvse']);
    expect(await onTheWire(s, CONNECTOR)).toEqual({ operationalStatus: 'Operative', evse: { id: 2 } });
    expect(await onTheWire(s, STATION)).toEqual(STATION);
  });

  it('availability.stationAsFirstEvse adds evse 1 to station-wide requests only', async () => {
    const s = await booted(['availability.stationAsFirstEvse']);
    expect(await onTheWire(s, STATION)).toEqual({ ...STATION, evse: { id: 1 } });
    expect(await onTheWire(s, EVSE)).toEqual(EVSE);
  });

  it('availability.operativeForWholeStation drops evse from Operative requests only', async () => {
    const s = await booted(['availability.operativeForWholeStation']);
    expect(await onTheWire(s, CONNECTOR)).toEqual({ operationalStatus: 'Operative' });
    expect(await onTheWire(s, EVSE)).toEqual(EVSE);
  });

  it('availability.zeroBasedEvseId lowers evse.id by one', async () => {
    const s = await booted(['availability.zeroBasedEvseId']);
    expect(await onTheWire(s, CONNECTOR)).toEqual({ ...CONNECTOR, evse: { id: 1, connectorId: 1 } });
    expect(await onTheWire(s, STATION)).toEqual(STATION);
  });

  it('availability.rejectUnknownEventComponent refuses events about unmodelled components only', async () => {
    const { st: s } = await booted(['availability.rejectUnknownEventComponent']);
    const event = (component: string, variable: string, actualValue: string): Record<string, unknown> => ({
      generatedAt: '2025-01-01T00:00:00.000Z',
      seqNo: 0,
      eventData: [
        {
          eventId: 1,
          timestamp: '2025-01-01T00:00:00.000Z',
          trigger: 'Delta',
          actualValue,
          eventNotificationType: 'HardWiredNotification',
          component: { name: component, evse: { id: 1, connectorId: 1 } },
          variable: { name: variable },
        },
      ],
    });
    expect(await s.call('NotifyEvent', event('Connector', 'AvailabilityState', 'Unavailable'))).toEqual({});
    const refused = await s.call('NotifyEvent', event('ConnectorPlugRetentionLock', 'Problem', 'true')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CallErrorResponse);
    expect((refused as CallErrorResponse).code).toBe('PropertyConstraintViolation');
  });
});
