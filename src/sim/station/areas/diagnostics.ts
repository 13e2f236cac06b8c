// Diagnostics (Part 6 block N): TriggerMessage LogStatusNotification (Idle: no upload in progress).
// This area's named faults and behaviour of the reference station.
import type { StationArea } from './types.ts';

export const FAULTS = {
  'diagnostics.triggerReportsUploaded': 'A triggered LogStatusNotification says Uploaded although no upload ran.',
} as const satisfies Record<string, string>;

export const AREA = {
  name: 'diagnostics',
  blocks: ['N', 'F'],
  faults: FAULTS,
  triggers: {
    LogStatusNotification: (st) => {
      st.afterReply(() => void st.callSafe('LogStatusNotification', { status: st.faults.has('diagnostics.triggerReportsUploaded') ? 'Uploaded' : 'Idle' }, true));
      return { status: 'Accepted' };
    },
  },
} satisfies StationArea;
