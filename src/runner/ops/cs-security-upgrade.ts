// Operations of the security profile upgrade cases (Part 6 TC_A_19_CS and TC_A_20_CS, use case A05, SUT = Charging
// Station). TC_A_19 over security profile 1: the test system installs its configured CSMS root on the station
// (memory state CertificateInstalled), starts a second listener at security profile 2 with a server certificate that
// root issued, and points the slot not in use at it. The raise is for good (a station never goes back down, TC_A_22):
// against a long-lived station that listener stays the run's endpoint for every later case, and the CSMS root stays
// installed (it is what the station now verifies the test system with).
import { isIP } from 'node:net';
import { ExpectationFailed, NotApplicable, PreconditionFailed } from '../../peer/errors.ts';
import { serveRaisedProfile } from '../../peer/raised-profile.ts';
import { issueCertificate } from '../../pki/index.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { asCs } from '../roles.ts';
import { certificateInstalled } from './cs-certificates.ts';
import { stationConfiguredRoot } from './cs-csms-root.ts';
import { rememberConnectionData } from './cs-network-profile.ts';

type Json = Record<string, unknown>;

/** Set once the station connected with the raised profile: the CSMS root it verifies us with must stay (cs-certificates.ts). */
const KEEP_ROOT = 'the station uses only the new CSMS root';

async function readPriority(cs: CsContext): Promise<{ value: string }> {
  const outcome = await cs.peer.callAndAwait('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' } }] }, cs.requirementIds);
  const r = ((outcome.payload as Json).getVariableResult as Json[] | undefined)?.[0];
  if (r?.attributeStatus !== 'Accepted' || typeof r.attributeValue !== 'string') {
    throw new PreconditionFailed(`OCPPCommCtrlr.NetworkConfigurationPriority could not be read (GetVariables answered ${String(r?.attributeStatus)})`);
  }
  return { value: r.attributeValue };
}

const slotsOf = (priority: string): number[] => priority.split(',').map((v) => Number(v.trim())).filter((n) => Number.isInteger(n));

/** The slot not in use (the first of the priority is in use) and the one in use. */
async function slots(cs: CsContext): Promise<{ inUse: number; other: number; priority: string }> {
  const { value } = await readPriority(cs);
  const inUse = slotsOf(value)[0] ?? 0;
  return { inUse, other: inUse === 1 ? 2 : 1, priority: value };
}

/** The security profile of the station's connection now, from the listener it came through. */
function profileInUse(cs: CsContext): number {
  return Number(cs.memory.get('configured securityProfile'));
}

/**
 * TC_A_19 memory state: CertificateInstalled (CSMSRootCertificate) over security profile 1. Over profile 2 Part 6
 * asks for RenewChargingStationCertificate and an upgrade to 3, which the station side of the harness cannot do yet.
 */
export async function upgradeMemoryState(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the memory state of the security profile upgrade');
  await rememberConnectionData(cs);
  const sp = profileInUse(cs);
  if (sp !== 1 && sp !== 2) throw new NotApplicable(`the case runs under security profile 1 or 2 (Part 6 prerequisite); the Charging Station connects with security profile ${sp}`);
  if (sp === 2) {
    throw new PreconditionFailed('not implemented yet over security profile 2: the upgrade to 3 needs the memory state RenewChargingStationCertificate (a client certificate signed over OCPP), which the station side of the test system does not do yet; run the case over security profile 1');
  }
  await certificateInstalled(cs, 'CSMSRootCertificate');
}

/**
 * TC_A_19: the second listener at <configured securityProfile + 1>, serving a server certificate issued by the CSMS
 * root just installed, for the host the station reaches the test system at. <configured configurationSlot> is the
 * slot not in use; <raised ocppCsmsUrl> the new listener with the path in use; <raised NetworkConfigurationPriority>
 * the new slot, then the one in use (Part 6 step 3).
 */
export async function prepareRaisedProfile(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'prepare a connection profile with the next security profile');
  const sp = profileInUse(cs) + 1;
  if (sp !== 2) throw new PreconditionFailed(`a listener at security profile ${sp} is not implemented yet`);
  const root = await stationConfiguredRoot(cs, 'CSMSRootCertificate');
  const inUseUrl = new URL(String(cs.memory.get('configured ocppCsmsUrl')));
  const host = inUseUrl.hostname.replace(/^\[|\]$/g, '');
  const server = await issueCertificate({ issuer: root, usage: 'server', commonName: host, organization: 'OCPP Conformance Test System', ...(isIP(host) ? { ipAddresses: [host] } : { dnsNames: [host] }) });
  const identity = cs.peer.connectionFacts?.identity ?? '';
  const base = await serveRaisedProfile(cs.peer, { securityProfile: sp, tls: { certPem: server.certPem, keyPem: server.keyPem, chainPem: root.certPem }, identity, host });
  const url = `${base.replace(/\/$/, '')}${inUseUrl.pathname.replace(/\/$/, '')}`;
  const { inUse, other } = await slots(cs);
  cs.memory.set('configured configurationSlot', other);
  cs.memory.set('slot in use', inUse);
  cs.memory.set('raised ocppCsmsUrl', url);
  cs.memory.set('raised securityProfile', sp);
  cs.memory.set('raised securityProfile text', String(sp));
  cs.memory.set('raised NetworkConfigurationPriority', `${other},${inUse}`);
  cs.memory.set('upgrade:connections', cs.peer.connectionsSoFar);
  cs.peer.note(`the test system listens at security profile ${sp} on ${url} (server certificate issued by the CSMS root installed on the station); slot ${other} will point there`);
}

/** TC_A_19 steps 7-8: the station's next connection comes with the raised profile, to the second listener, over TLS. */
export async function reconnectsWithRaisedProfile(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'reconnect with the raised security profile');
  const sp = cs.memory.require('raised securityProfile', 'the raised profile must be prepared by an earlier step') as number;
  const url = new URL(String(cs.memory.require('raised ocppCsmsUrl', 'the raised profile must be prepared by an earlier step')));
  const before = cs.memory.get('upgrade:connections') as number;
  // The station took the new priority and the reset: from its next boot on it needs the installed CSMS root to verify
  // the test system, so the root stays whatever this step finds (a station that raises later still gets through).
  cs.memory.set(KEEP_ROOT, true);
  await cs.peer.waitForConnection({ after: before, within: Math.max(cs.peer.timing.bootMs, cs.peer.timing.connectMs), failure: 'expectation', what: `the Charging Station to reconnect with security profile ${sp}` });
  const facts = cs.peer.connectionFacts;
  const at = facts ? new URL(facts.url, 'ws://x') : undefined;
  const where = at ? `${at.port ? `port ${at.port}, ` : ''}path ${at.pathname}` : '(no connection)';
  if (facts?.securityProfile !== sp || !facts.tlsVersion || at?.port !== url.port) {
    throw new ExpectationFailed({
      expected: `the Charging Station reconnects with security profile ${sp}: over TLS to ${url.href}/<identity>`,
      actual: `it reconnected with security profile ${String(facts?.securityProfile)}${facts?.tlsVersion ? ` over ${facts.tlsVersion}` : ' without TLS'} (${where})`,
      requirementIds: cs.requirementIds,
    });
  }
  cs.peer.note(`the Charging Station reconnected with security profile ${sp} over ${facts.tlsVersion}`);
}

/** TC_A_19 steps 12-13: NetworkConfigurationPriority no longer lists the slot of the lower profile. */
export async function priorityWithoutOldSlot(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'NetworkConfigurationPriority without the old slot');
  const old = cs.memory.require('slot in use', 'the raised profile must be prepared by an earlier step') as number;
  const { value } = await readPriority(cs);
  if (slotsOf(value).includes(old)) {
    throw new ExpectationFailed({
      expected: `GetVariablesResponse: getVariableResult[0].attributeValue (OCPPCommCtrlr.NetworkConfigurationPriority) does not contain ${old}, the slot of the lower security profile`,
      actual: `it is "${value}"`,
      requirementIds: cs.requirementIds,
    });
  }
}

/**
 * TC_A_20 prerequisites: the station's first slot is security profile 1 and no CSMS root is installed. A CSMS root
 * the station has is deleted first (PICS AQ-1: the last one can be removed; over security profile 1 nothing uses it).
 */
export async function noCsmsRootOverSp1(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'no CSMS root over security profile 1');
  await rememberConnectionData(cs);
  const sp = profileInUse(cs);
  if (sp !== 1) throw new NotApplicable(`the case runs under security profile 1 (Part 6: the first connection slot is security profile 1); the Charging Station connects with security profile ${sp}`);
  const outcome = await cs.peer.callAndAwait('GetInstalledCertificateIds', { certificateType: ['CSMSRootCertificate'] });
  const chain = ((outcome.payload as Json).certificateHashDataChain as Json[] | undefined) ?? [];
  for (const entry of chain) {
    const hash = entry.certificateHashData as Json;
    const del = await cs.peer.callAndAwait('DeleteCertificate', { certificateHashData: hash });
    if ((del.payload as Json).status !== 'Accepted') throw new PreconditionFailed(`the installed CSMS root (serial ${String(hash.serialNumber)}) could not be deleted (DeleteCertificate ${String((del.payload as Json).status)}); the case needs a station without one`);
    cs.peer.note(`deleted the installed CSMS root serial ${String(hash.serialNumber)}: the case needs a station without one`);
  }
}

/**
 * TC_A_20: connection data of security profile 2 for the slot not in use: <profile2 ocppCsmsUrl> (wss, one more path
 * segment; not served: a correct station refuses the priority and never connects there) and <profile2
 * NetworkConfigurationPriority>. Should the station accept the priority, the clean-up puts the old one back.
 */
export async function prepareUpgradeWithoutRoot(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'prepare a connection profile of security profile 2');
  const { inUse, other, priority } = await slots(cs);
  const url = new URL(String(cs.memory.get('configured ocppCsmsUrl')));
  cs.memory.set('configured configurationSlot', other);
  cs.memory.set('profile2 ocppCsmsUrl', `wss://${url.host}${url.pathname.replace(/\/$/, '')}/profile-sp2`);
  cs.memory.set('profile2 NetworkConfigurationPriority', `${other},${inUse}`);
  cs.cleanUp?.(`NetworkConfigurationPriority back to "${priority}"`, async () => {
    const now = await readPriority(cs);
    if (now.value !== priority) await cs.peer.callAndAwait('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' }, attributeValue: priority }] });
  });
  cs.peer.note(`slot ${other} gets security profile 2 at ${String(cs.memory.get('profile2 ocppCsmsUrl'))}; the station has no CSMS root to verify it with`);
}
