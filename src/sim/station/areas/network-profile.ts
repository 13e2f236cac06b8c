// Network connection profiles (Part 6 block B, use case B09): SetNetworkProfile stores connection data in a
// configuration slot, refusing unknown slots, a security downgrade, and a URL that does not fit the security profile.
// Raising the security profile (A05): a NetworkConfigurationPriority that would take the station to profile 2 or 3 is
// refused without a CSMS root (and for 3 without a client certificate); after the reboot the station connects over
// TLS trusting its installed CSMS roots, and once that connection is accepted SecurityCtrlr.SecurityProfile says the
// new profile and the slots of a lower profile leave the priority (a station never goes back down).
// This area's named faults and behaviour of the reference station.
import type { StationCore } from '../core.ts';
import { perStation, type Json } from '../state.ts';
import { trustedRoots } from './certificates.ts';
import { allowsDowngrade } from './security.ts';
import type { StationArea } from './types.ts';

export const FAULTS = {
  'network.acceptAnySlot': 'SetNetworkProfile accepts a configuration slot the station does not have (and stores nothing).',
  'network.ignorePriority': 'After a reboot the station keeps its old CSMS URL, whatever NetworkConfigurationPriority says.',
  'network.noFallback': 'The station keeps trying the first profile of NetworkConfigurationPriority after NetworkProfileConnectionAttempts failures instead of the next one.',
  'network.upgradeWithoutRoot': 'A NetworkConfigurationPriority that raises the security profile to 2 or 3 is accepted although no CSMSRootCertificate is installed.',
  'network.noUpgrade': 'After the reboot the station ignores a profile of a higher security profile in NetworkConfigurationPriority and stays on the one it used.',
  'network.staleSecurityProfile': 'After connecting with a raised security profile SecurityCtrlr.SecurityProfile still reports the old profile.',
  'network.keepLowerSlots': 'After connecting with a raised security profile NetworkConfigurationPriority still lists the slots of the lower profile.',
} as const satisfies Record<string, string>;

/** Configuration slots the reference station has. */
const SLOTS = { min: 0, max: 9 };

const memory = perStation<StationCore, { profiles: Map<number, Json>; startUrl?: string; order?: number[]; index: number; failures: number; raisedFrom?: number }>(() => ({ profiles: new Map(), index: 0, failures: 0 }));

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
  const current = st.opts.securityProfile ?? 0;
  const sp = Number(data?.securityProfile);
  const raise = data !== undefined && sp > current && !st.faults.has('network.noUpgrade');
  const url = data !== undefined && (sp === current || raise) ? String(data.ocppCsmsUrl) : (m.startUrl ?? st.opts.csmsUrl);
  if (url !== st.opts.csmsUrl) st.note(`connecting with the network profile of slot ${String(slot)}: ${url}`);
  st.opts.csmsUrl = url;
  if (raise) raiseSecurityProfile(st, sp as 2 | 3);
  else if (m.raisedFrom !== undefined && !(data !== undefined && sp === current)) {
    // Falling back before the raised profile ever got through: back to the profile the station came from.
    st.opts.securityProfile = m.raisedFrom as 0 | 1 | 2 | 3;
    m.raisedFrom = undefined;
  }
}

/** A05.FR.04: from now on the station connects with `sp`, over TLS trusting the CSMS roots it has installed. */
function raiseSecurityProfile(st: StationCore, sp: 2 | 3): void {
  const m = memory(st);
  m.raisedFrom = st.opts.securityProfile ?? 0;
  const roots = trustedRoots(st, 'CSMSRootCertificate');
  st.opts.tls = { ...st.opts.tls, ...(roots.length > 0 ? { caPem: roots.join('\n') } : {}) };
  st.opts.securityProfile = sp;
  st.note(`security profile raised from ${m.raisedFrom} to ${sp}`);
}

/**
 * A05.FR.02/03: a NetworkConfigurationPriority with a slot of security profile 2 or 3 needs a CSMS root to verify the
 * CSMS with (and profile 3 a client certificate): the reason to refuse the value, or undefined.
 */
export function refusedPriority(st: StationCore, component: string, variable: string, value: string): string | undefined {
  if (component !== 'OCPPCommCtrlr' || variable !== 'NetworkConfigurationPriority') return undefined;
  const profiles = value.split(',').map((v) => memory(st).profiles.get(Number(v.trim())));
  const highest = Math.max(st.opts.securityProfile ?? 0, ...profiles.map((p) => Number(p?.securityProfile ?? 0)));
  if (highest <= (st.opts.securityProfile ?? 0)) return undefined;
  if (trustedRoots(st, 'CSMSRootCertificate').length === 0 && !st.faults.has('network.upgradeWithoutRoot')) return 'no CSMSRootCertificate installed for security profile 2 or 3';
  if (highest === 3 && !st.opts.tls?.certPem) return 'no ChargingStationCertificate installed for security profile 3';
  return undefined;
}

/**
 * A05.FR.05/06: the first accepted boot on the raised profile: SecurityCtrlr.SecurityProfile says it, and the slots
 * of a lower profile (and those without a stored profile, which stand for the one the station started with) leave
 * NetworkConfigurationPriority.
 */
function upgradeDone(st: StationCore): void {
  const m = memory(st);
  if (m.raisedFrom === undefined) return;
  m.raisedFrom = undefined;
  const sp = st.opts.securityProfile ?? 0;
  if (!st.faults.has('network.staleSecurityProfile')) st.dm.setInternal('SecurityCtrlr', 'SecurityProfile', String(sp));
  if (st.faults.has('network.keepLowerSlots')) return;
  const kept = (m.order ?? []).filter((slot) => Number(m.profiles.get(slot)?.securityProfile ?? -1) >= sp);
  st.dm.setInternal('OCPPCommCtrlr', 'NetworkConfigurationPriority', kept.join(','));
  m.order = kept;
  m.index = 0;
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
  blocks: ['B', 'A'],
  faults: FAULTS,
  handlers: { SetNetworkProfile: onSetNetworkProfile },
  rebooting: chooseProfile,
  accepted: (st) => {
    connectionUp(st);
    upgradeDone(st);
  },
  reconnected: connectionUp,
} satisfies StationArea;
