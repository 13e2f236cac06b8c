// Operations of the migration to a new CSMS with a new CSMS root (Part 6 TC_B_47_CS, TC_B_50_CS; use cases B10, M05).
// The station has a new CSMS root (signed by the old one, AdditionalRootCertificateCheck) and a second connection
// profile. The test system plays the new CSMS at the second profile's URL (one more path segment, see
// cs-network-profile.ts) on the same TLS listener: a listener serves one server certificate whatever the URL path (the
// path comes after the handshake), so "the new CSMS's certificate" is the certificate served from the reset on.
import { ExpectationFailed, NotApplicable, PreconditionFailed } from '../../peer/errors.ts';
import type { ScenarioContext } from '../../states/context.ts';
import { asCs } from '../roles.ts';
import { serveNewRootChain, serveOldRootChain } from './cs-csms-root.ts';
import { connectedWithNewProfile, connectedWithPreviousProfile } from './cs-network-profile.ts';

/** Memory key: the station's connections and refused attempts when the test system started to play the new CSMS. */
const MARKS = 'migration:marks';

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
  else {
    // After TC_M_30/B_50 the station trusts only the new root, and the old one cannot come back over OCPP (a new root
    // must be signed by the one in use): the test system serves that root's chain for good, and this case's premise
    // (the old root in use, the new one about to be installed) no longer holds.
    if (cs.peer.servedTls?.certPem !== cs.csmsTls.serverCertPem) {
      throw new PreconditionFailed('an earlier case of this run moved the station to the new CSMS root (TC_M_30_CS or TC_B_50_CS); this case needs the old root in use: run it before those, or give the station its original CSMS root back');
    }
    serveOldRootChain(cs);
  }
  cs.memory.set(MARKS, { refusals: cs.peer.refusalsSoFar, connections: cs.peer.connectionsSoFar });
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
 * the attempts with the new profile fail in the handshake (the test system sees a failed handshake, never the URL);
 * after NetworkProfileConnectionAttempts the station goes back to its previous profile, where the fallback root
 * verifies the certificate. Allowed before it connects: that many failed handshakes with the new profile and one
 * more on the previous profile (a station may try its new root there first, TC_M_31_CS). One more means it still
 * tries the new CSMS. Each attempt may come after the station's own back-off, as in TC_B_46_CS.
 */
export async function connectsWithPreviousProfile(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the station comes back with its previous connection profile');
  const marks = cs.memory.require(MARKS, 'the test system must play the new CSMS first') as { refusals: number; connections: number };
  const attempts = Math.max(1, Number(cs.memory.get('value:OCPPCommCtrlr.NetworkProfileConnectionAttempts') ?? 1));
  const within = Math.max(cs.peer.timing.connectMs, cs.peer.timing.sutReturnMs ?? 0);
  for (let refusals = marks.refusals; ; refusals++) {
    const failed = refusals - marks.refusals;
    if (failed > attempts + 1) {
      // Whatever the verdict, the case's clean-up needs the station: the new root's chain lets it in on the new profile.
      await serveNewRootChain(cs);
      throw new ExpectationFailed({
        expected: `at most ${attempts} failed attempt(s) with the new CSMS (NetworkProfileConnectionAttempts) and one on the previous profile, then a connection with the previous profile`,
        actual: `${failed} connection attempts failed in the TLS handshake and the station has not come back`,
        requirementIds: cs.requirementIds,
      });
    }
    const next = await cs.peer.nextAttempt({ refusals, connections: marks.connections, within });
    if (next.kind === 'connected') break;
    if (next.kind === 'none') {
      throw new ExpectationFailed({ expected: `the station to connect with its previous connection profile within ${(within / 1000).toFixed(1)} s of its last attempt`, actual: `after ${failed} failed attempt(s) it neither tried again nor connected`, requirementIds: cs.requirementIds });
    }
  }
  await cs.peer.waitForConnection({ after: marks.connections, failure: 'expectation', what: 'the Charging Station to connect with its previous connection profile' });
  connectedWithPreviousProfile(cs, "the station refused the new CSMS's certificate (issued by the old CSMS root, not by the new one) and came back with its previous connection profile");
  cs.peer.note(`the station came back with its previous connection profile after ${cs.peer.refusalsSoFar - marks.refusals} failed handshake(s)`);
}
