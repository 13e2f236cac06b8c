// Network connection profiles (Part 6 block B, use case B09): SetNetworkProfile stores connection data in a
// configuration slot, refusing unknown slots, a security downgrade, and a URL that does not fit the security profile.
// This area's named faults and behaviour of the reference station.
import type { StationCore } from '../core.ts';
import { perStation, type Json } from '../state.ts';
import { allowsDowngrade } from './security.ts';
import type { StationArea } from './types.ts';

export const FAULTS = {
  'network.acceptAnySlot': 'SetNetworkProfile accepts a configuration slot the station does not have (and stores nothing).',
  'network.ignorePriority': 'After a reboot the station keeps its old CSMS URL, whatever NetworkConfigurationPriority says.',
  'network.noFallback': 'The station keeps trying the first profile of NetworkConfigurationPriority after NetworkProfileConnectionAttempts failures instead of the next one.',
} as const satisfies Record<string, string>;

/** Configuration slots the reference station has. */
const SLOTS = { min: 0, max: 9 };

const memory = perStation<StationCore, { profiles: Map<number, Json>; startUrl?: string; order?: number[]; index: number; failures: number }>(() => ({ profiles: new Map(), index: 0, failures: 0 }));

/** The connection data stored in `slot`, if any. */
export function networkProfile(st: StationCore, slot: number): Json | undefined {
  return memory(st).profiles.get(slot);
}

function onSetNetworkProfile(st: StationCore, p: Json): Json {
  const slot = Number(p.configurationSlot);
  const data = p.connectionData as Json;
  const sp = Number(data.securityProfile);
  const current = st.opts.securityProfile ?? 0;
  if (!Number.isInteger(slot) || slot < SLOTS.min || slot > SLOTS.max) {
    if (st.faults.has('network.acceptAnySlot')) return { status: 'Accepted' };
    return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidConfSlot' } };
  }
  if (sp < current && !allowsDowngrade(st)) return { status: 'Rejected', statusInfo: { reasonCode: 'NoSecurityDowngrade' } };
  const url = String(data.ocppCsmsUrl);
  if (!/^wss?:\/\//.test(url)) return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidURL' } };
  if ((sp >= 2 && !url.startsWith('wss://')) || (sp <= 1 && url.startsWith('wss://'))) return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidNetworkConf' } };
  memory(st).profiles.set(slot, data);
  return { status: 'Accepted' };
}

/**
 * At a reboot the station takes the first slot of NetworkConfigurationPriority that holds a profile for its OCPP
 * version; the slot it started with (its options) stands for any slot without a stored profile.
 */
function chooseProfile(st: StationCore): void {
  const m = memory(st);
  m.startUrl ??= st.opts.csmsUrl;
  m.failures = 0;
  if (st.faults.has('network.ignorePriority')) return;
  const slots = st.dm.get({ name: 'OCPPCommCtrlr' }, { name: 'NetworkConfigurationPriority' }, 'Actual').value ?? '';
  m.order = slots.split(',').map((v) => Number(v.trim())).filter((n) => Number.isInteger(n));
  m.index = 0;
  useSlot(st, m.order[0]);
}

/** Connects with the profile of `slot` from now on (the start URL for a slot without a usable stored profile). */
function useSlot(st: StationCore, slot: number | undefined): void {
  const m = memory(st);
  const data = slot === undefined ? undefined : m.profiles.get(slot);
  const url = data !== undefined && Number(data.securityProfile) === (st.opts.securityProfile ?? 0) ? String(data.ocppCsmsUrl) : (m.startUrl ?? st.opts.csmsUrl);
  if (url !== st.opts.csmsUrl) st.note(`connecting with the network profile of slot ${String(slot)}: ${url}`);
  st.opts.csmsUrl = url;
}

/**
 * A connection attempt failed: after NetworkProfileConnectionAttempts failures with one profile the station moves on
 * to the next slot of NetworkConfigurationPriority (after the last, the first again). Only after a reboot has chosen
 * the profiles by the priority (before that the station knows only the URL it started with).
 */
export function connectFailed(st: StationCore): void {
  const m = memory(st);
  if (!m.order || m.order.length < 2 || st.faults.has('network.noFallback')) return;
  m.failures++;
  if (m.failures < Math.max(1, st.dm.int('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts'))) return;
  m.failures = 0;
  m.index = (m.index + 1) % m.order.length;
  st.note(`${st.dm.int('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts')} failed attempt(s): falling back to configuration slot ${String(m.order[m.index])}`);
  useSlot(st, m.order[m.index]);
}

const connectionUp = (st: StationCore): void => {
  memory(st).failures = 0;
};

export const AREA = {
  name: 'network-profile',
  blocks: ['B'],
  faults: FAULTS,
  handlers: { SetNetworkProfile: onSetNetworkProfile },
  rebooting: chooseProfile,
  accepted: connectionUp,
  reconnected: connectionUp,
} satisfies StationArea;
