// Reusable states of security (block A): RenewChargingStationCertificate, when the SUT is a CSMS.
import { createPublicKey, X509Certificate } from 'node:crypto';
import { ExpectationFailed, PreconditionFailed } from '../peer/errors.ts';
import { createCsr, splitPemCertificates } from '../pki/index.ts';
import { check } from './context.ts';
import type { CsmsContext } from './context.ts';

type Json = Record<string, unknown>;

/**
 * RenewChargingStationCertificate: the operator has the CSMS trigger SignChargingStationCertificate; the station sends
 * a fresh CSR, the CSMS accepts it and sends back a certificate for that key signed by the configured CSMS root. The
 * station keeps it and presents it from then on (security profile 3).
 */
async function renewChargingStationCertificate(ctx: CsmsContext): Promise<void> {
  const { peer } = ctx;
  const root = peer.trustAnchorPem;
  if (!root) throw new PreconditionFailed('RenewChargingStationCertificate needs the configured CSMS root certificate (configure certificates)');
  peer.armReply('TriggerMessage', () => ({ payload: { status: 'Accepted' } }));
  peer.armReply('CertificateSigned', () => ({ payload: { status: 'Accepted' } }));
  peer.inbox.advanceCursor();
  const payload = { requestedMessage: 'SignChargingStationCertificate' };
  peer.note(`operator trigger: make the CSMS send TriggerMessageRequest (via ${ctx.triggers.kind})`, payload);
  ctx.track('operator trigger TriggerMessage', ctx.triggers.send('TriggerMessage', payload));
  // Part 6 steps 1-2
  const trigger = await peer.expectRequest('TriggerMessage', { requirementIds: ctx.requirementIds });
  check(ctx, 'TriggerMessageRequest', trigger.payload, [['requestedMessage', 'SignChargingStationCertificate']], trigger.frame);
  // Part 6 steps 3-4
  const organization = peer.model.find('SecurityCtrlr', 'OrganizationName')?.value;
  const { csrPem, keyPem } = await createCsr({ commonName: peer.identity, algorithm: 'ECDSA-P256', ...(organization ? { organization } : {}) });
  const sign = await peer.request('SignCertificate', { csr: csrPem, certificateType: 'ChargingStationCertificate' }, ctx.requirementIds);
  check(ctx, 'SignCertificateResponse', sign.payload, [['status', 'Accepted']], sign.frame);
  // Part 6 steps 5-6
  const signed = await peer.expectRequest('CertificateSigned', { requirementIds: ctx.requirementIds });
  check(ctx, 'CertificateSignedRequest', signed.payload, [['certificateType', 'absent or ChargingStationCertificate']], signed.frame);
  const chain = splitPemCertificates(String((signed.payload as Json).certificateChain ?? ''));
  const leafPem = chain[0];
  const problem = leafPem ? leafProblem(leafPem, keyPem, root) : 'the certificateChain holds no certificate';
  if (problem) {
    throw new ExpectationFailed({ expected: 'a certificate for the CSR of the station, signed by the configured CSMS root', actual: problem, frame: signed.frame, requirementIds: ctx.requirementIds });
  }
  peer.useClientCertificate(leafPem!, keyPem, chain.join('\n'));
  ctx.reached.add('RenewChargingStationCertificate');
}

/** Why the leaf is not the certificate the station asked for (its own key, issued by the root), or undefined. */
function leafProblem(leafPem: string, keyPem: string, rootPem: string): string | undefined {
  try {
    const leaf = new X509Certificate(leafPem);
    const root = new X509Certificate(rootPem);
    const ownKey = createPublicKey(keyPem).export({ type: 'spki', format: 'der' });
    if (!leaf.publicKey.export({ type: 'spki', format: 'der' }).equals(ownKey)) return 'the certificate is for another key than the one in the CSR';
    if (!leaf.checkIssued(root) || !leaf.verify(root.publicKey)) return `the certificate (issuer ${leaf.issuer.replace(/\n/g, ', ')}) is not signed by the configured CSMS root`;
    return undefined;
  } catch (e) {
    return `the certificate cannot be read: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export const SECURITY_STATES: Record<string, (ctx: CsmsContext) => Promise<void>> = {
  RenewChargingStationCertificate: renewChargingStationCertificate,
};
