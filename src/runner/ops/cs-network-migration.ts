// Operations of the migration to a new CSMS with a new CSMS root (Part 6 TC_B_47_CS, TC_B_50_CS; use cases B10, M05).
// The station has a new CSMS root (signed by the old one, AdditionalRootCertificateCheck) and a second connection
// profile. The test system plays the new CSMS at the second profile's URL (one more path segment, see
// cs-network-profile.ts) on the same TLS listener: a listener serves one server certificate whatever the URL path (the
// path comes after the handshake), so "the new CSMS's certificate" is the certificate served from the reset on.
import { ExpectationFailed, NotApplicable } from '../../peer/errors.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { asCs } from '../roles.ts';
import { serveNewRootChain, serveOldRootChain } from './cs-csms-root.ts';
import { connectedWithNewProfile } from './cs-network-profile.ts';

/** Memory key: the connections the station had opened when the test system started to play the new CSMS. */
const CONNECTIONS = 'migration:connections';

/** The URL path of the connection the station uses now, without its identity. */
function connectedDir(cs: CsContext): string {
  const facts = cs.peer.connectionFacts;
  return facts ? new URL(facts.url, 'ws://x').pathname.split('/').slice(0, -1).join('/') : '(no connection)';
}

function pathOf(url: unknown): string {
  return new URL(String(url)).pathname.replace(/\/$/, '');
}

/**
 * The test system plays the new CSMS with a server certificate issued by the new CSMS root (`new`, TC_B_50_CS) or by
 * the old one (`old`, TC_B_47_CS: the run's own server certificate). Both cases are about the certificate the station
 * validates in the TLS handshake: over security profile 0 or 1 they do not apply.
 */
export async function serveNewCsms(ctx: ScenarioContext, issuer: 'new' | 'old'): Promise<void> {
  const cs = asCs(ctx, 'play the new CSMS');
  const sp = cs.peer.connectionFacts?.securityProfile ?? (cs.csmsTls ? 2 : 1);
  if (sp < 2 || !cs.csmsTls) {
    throw new NotApplicable(`the case runs under security profile SP2 or SP3 (the station validates the new CSMS's certificate in the TLS handshake); this run uses SP${sp}`);
  }
  if (issuer === 'new') await serveNewRootChain(cs);
  else serveOldRootChain(cs);
  cs.memory.set(CONNECTIONS, cs.peer.connectionsSoFar);
  cs.peer.note(`the test system plays the new CSMS with a server certificate issued by the ${issuer} CSMS root`);
}

/**
 * TC_B_50_CS steps 7-8: the station connected with the new profile, so the new CSMS root verified the new CSMS's
 * certificate; by M05.FR.13 the station then removes the old root. From now on the test system keeps serving the new
 * root's chain (cs-csms-root.ts keeps it when the case ends), also for later cases on the previous profile.
 */
export function migratedThroughNewRoot(ctx: ScenarioContext): void {
  const cs = asCs(ctx, 'the station migrated to the new CSMS');
  connectedWithNewProfile(cs);
  cs.memory.set('the station uses only the new CSMS root', true);
  cs.peer.note('the station connected to the new CSMS through the new CSMS root: its chain is served from now on');
}

/**
 * TC_B_47_CS steps 7-9: the new CSMS's certificate (issued by the old root) does not verify with the new root, so
 * the attempts with the new profile fail in the handshake (the test system never sees their URL); after
 * NetworkProfileConnectionAttempts the station goes back to its previous profile, where the fallback root verifies
 * the certificate. The wait is the one TC_B_46_CS gives a station that tries a profile and falls back.
 */
export async function connectsWithPreviousProfile(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the station comes back with its previous connection profile');
  const before = cs.memory.require(CONNECTIONS, 'the test system must play the new CSMS first') as number;
  const attempts = Number(cs.memory.get('value:OCPPCommCtrlr.NetworkProfileConnectionAttempts') ?? 1);
  const within = Math.max(cs.peer.timing.connectMs, cs.peer.timing.sutReturnMs ?? 0) * (Math.max(1, attempts) + 2);
  await cs.peer.waitForConnection({ after: before, within, failure: 'expectation', what: 'the Charging Station to connect with its previous connection profile after the new CSMS failed the TLS handshake' });
  const dir = connectedDir(cs);
  const previous = pathOf(cs.memory.require('configured ocppCsmsUrl', 'the second profile must be prepared by an earlier step'));
  const next = pathOf(cs.memory.require('new ocppCsmsUrl', 'the second profile must be prepared by an earlier step'));
  if (dir === next) {
    throw new ExpectationFailed({
      expected: `the station refused the new CSMS's certificate (issued by the old CSMS root, not by the new one) and came back with its previous connection profile (path ${previous}/<identity>)`,
      actual: `it connected with the new connection profile (${dir}/<identity>)`,
      requirementIds: cs.requirementIds,
    });
  }
  if (dir !== previous) {
    throw new ExpectationFailed({ expected: `the station came back with its previous connection profile (path ${previous}/<identity>)`, actual: `it connected to ${dir}/<identity>`, requirementIds: cs.requirementIds });
  }
  cs.peer.note('the station came back with its previous connection profile');
}
