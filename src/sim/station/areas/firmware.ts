// Firmware management (Part 6 block L): TriggerMessage FirmwareStatusNotification (Idle: no update in progress).
// This area's named faults and behaviour of the reference station.
import type { StationArea } from './types.ts';

export const FAULTS = {
  'firmware.triggerRejectsEvse': 'TriggerMessage FirmwareStatusNotification naming an EVSE is Rejected (the EVSE should be ignored).',
  'firmware.triggerReportsInstalled': 'A triggered FirmwareStatusNotification says Installed although no update ran.',
} as const satisfies Record<string, string>;

export const AREA = {
  name: 'firmware',
  blocks: ['L', 'F'],
  faults: FAULTS,
  triggers: {
    FirmwareStatusNotification: (st, evseRef) => {
      if (evseRef && st.faults.has('firmware.triggerRejectsEvse')) return { status: 'Rejected' };
      st.afterReply(() => void st.callSafe('FirmwareStatusNotification', { status: st.faults.has('firmware.triggerReportsInstalled') ? 'Installed' : 'Idle' }, true));
      return { status: 'Accepted' };
    },
  },
} satisfies StationArea;
