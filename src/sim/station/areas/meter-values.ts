// Meter values (Part 6 block J): TriggerMessage MeterValues with the AlignedDataCtrlr measurands. (Meter values inside
// transactions are part of the TransactionEvents, areas/transactions.ts.) This area's named faults and behaviour.
import type { StationArea } from './types.ts';

export const FAULTS = {
  'meterValues.triggerPeriodicContext': 'Triggered MeterValues are sampled with context Sample.Periodic instead of Trigger.',
} as const satisfies Record<string, string>;

export const AREA = {
  name: 'meter-values',
  blocks: ['J', 'F'],
  faults: FAULTS,
  triggers: {
    MeterValues: (st, evseRef) => {
      st.afterReply(() => {
        for (const e of st.evses) {
          if (evseRef && e.id !== evseRef.id) continue;
          void st.callSafe('MeterValues', { evseId: e.id, meterValue: [e.meter.sample(st.dm.list('AlignedDataCtrlr', 'Measurands'), st.faults.has('meterValues.triggerPeriodicContext') ? 'Sample.Periodic' : 'Trigger')] }, true);
        }
      });
      return { status: 'Accepted' };
    },
  },
} satisfies StationArea;
