// Firmware management (Part 6 block L): TriggerMessage FirmwareStatusNotification (Idle: no update in progress).
// This area's named faults and behaviour of the reference station.
import type { StationArea } from './types.ts';

export const FAULTS = {} as const satisfies Record<string, string>;

export const AREA = {
  name: 'firmware',
  blocks: ['L'],
  faults: FAULTS,
  triggers: {
    FirmwareStatusNotification: (st) => {
      st.afterReply(() => void st.callSafe('FirmwareStatusNotification', { status: 'Idle' }, true));
      return { status: 'Accepted' };
    },
  },
} satisfies StationArea;
