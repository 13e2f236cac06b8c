// Security (Part 6 block A): security events (StartupOfTheDevice / ResetOrReboot after a boot, FailedToAuthenticateAtCsms),
// kept while the CSMS cannot be told and delivered once it can (SetNetworkProfile: areas/network-profile.ts).
// This area's named faults and behaviour of the reference station.
import type { StationCore } from '../core.ts';
import { nowText, perStation } from '../state.ts';
import type { StationArea } from './types.ts';

export const FAULTS = {
  'security.noStartupEvent': 'No SecurityEventNotification is sent after (re)boot.',
  'security.passwordTruncated': 'After a reboot the station sends its BasicAuthPassword cut to 15 characters.',
  'security.allowDowngrade': 'SetNetworkProfile accepts connection data with a lower security profile than the one in use.',
  'security.acceptShortPassword': 'SetVariables of SecurityCtrlr.BasicAuthPassword answers Accepted for a password under 16 characters (the old one stays in use).',
} as const satisfies Record<string, string>;

interface SecurityEvent {
  type: string;
  timestamp: string;
  techInfo?: string;
}

const memory = perStation<StationCore, { pending: SecurityEvent[] }>(() => ({ pending: [] }));

/** SetVariables refused a BasicAuthPassword as too short: whether the station claims to accept it all the same. */
export function acceptsShortPassword(st: StationCore, component: string, variable: string, value: string): boolean {
  return component === 'SecurityCtrlr' && variable === 'BasicAuthPassword' && value.length < 16 && st.faults.has('security.acceptShortPassword');
}

/** SetNetworkProfile asks for a lower security profile than the one in use: whether the station lets it. */
export function allowsDowngrade(st: StationCore): boolean {
  return st.faults.has('security.allowDowngrade');
}

export function recordSecurityEvent(st: StationCore, type: string, techInfo?: string): void {
  const ev: SecurityEvent = { type, timestamp: nowText() };
  if (techInfo !== undefined) ev.techInfo = techInfo.slice(0, 255);
  const pending = memory(st).pending;
  pending.push(ev);
  if (pending.length > 50) pending.shift();
}

function flushSecurityEvents(st: StationCore): void {
  if (!st.mayCall('SecurityEventNotification', false)) return;
  for (const ev of memory(st).pending.splice(0)) void st.callSafe('SecurityEventNotification', { ...ev });
}

export const AREA = {
  name: 'security',
  blocks: ['A'],
  faults: FAULTS,
  accepted(st, reason) {
    if (!st.faults.has('security.noStartupEvent')) recordSecurityEvent(st, reason === 'PowerUp' ? 'StartupOfTheDevice' : 'ResetOrReboot', `boot reason ${reason}`);
    flushSecurityEvents(st);
  },
  reconnected: flushSecurityEvents,
  rebooting(st) {
    // A station that stores its password badly comes back from the reboot with another one.
    if (st.faults.has('security.passwordTruncated') && st.opts.password !== undefined) st.opts.password = st.opts.password.slice(0, 15);
  },
} satisfies StationArea;
