// Reusable states of certificate management (block M) when the SUT is a CSMS: CertificateInstalled and
// GetInstalledCertificates, for a given certificateType. Part 6 speaks of "the configured certificate" of each type:
// the test system makes one self-signed root per type (once per process, ECDSA P-256, fast) and keeps it as installed
// in its own truststore, so what it reports in GetInstalledCertificateIdsResponse is the real hash data of those roots.
import { createRootCa } from '../pki/index.ts';
import type { IssuedCert } from '../pki/index.ts';
import { certificateHashData } from '../pki/certificate-hash.ts';
import type { CertificateHashData, HashAlgorithm } from '../pki/certificate-hash.ts';
import { check } from './context.ts';
import type { CsmsContext } from './context.ts';

type Json = Record<string, unknown>;

/** The root certificate types a CSMS can install (InstallCertificateUseEnumType); the test system's truststore holds one of each. */
export const ROOT_TYPES = ['CSMSRootCertificate', 'ManufacturerRootCertificate', 'V2GRootCertificate', 'MORootCertificate'] as const;
export type RootType = (typeof ROOT_TYPES)[number];

export function isRootType(s: string): s is RootType {
  return (ROOT_TYPES as readonly string[]).includes(s);
}

const COMMON_NAME: Record<RootType, string> = {
  CSMSRootCertificate: 'Conformance CSMS Root',
  ManufacturerRootCertificate: 'Conformance Manufacturer Root',
  V2GRootCertificate: 'Conformance V2G Root',
  MORootCertificate: 'Conformance MO Root',
};

const roots = new Map<RootType, Promise<IssuedCert>>();

/** The configured certificate of a root type (made on first use, then the same for the whole process). */
export function configuredCertificate(type: RootType): Promise<IssuedCert> {
  let r = roots.get(type);
  if (!r) {
    r = createRootCa({ commonName: COMMON_NAME[type], organization: 'OCPP Conformance Test System' });
    roots.set(type, r);
  }
  return r;
}

/** Remembers the configured certificate of `type` as <configured TYPE> for tables, and returns its PEM. */
async function rememberConfigured(ctx: CsmsContext, type: RootType): Promise<string> {
  const pem = (await configuredCertificate(type)).certPem;
  ctx.memory.set(`configured ${type}`, pem);
  return pem;
}

/** One certificateHashDataChain entry per root of the truststore of the listed types (all types when none are listed). */
export async function installedHashData(types: readonly string[] | undefined, hashAlgorithm: HashAlgorithm): Promise<Array<{ certificateType: RootType; certificateHashData: CertificateHashData }>> {
  const wanted = ROOT_TYPES.filter((t) => types === undefined || types.includes(t));
  return await Promise.all(wanted.map(async (t) => ({ certificateType: t, certificateHashData: certificateHashData((await configuredCertificate(t)).certPem, hashAlgorithm) })));
}

/** The GetInstalledCertificateIdsResponse for these types: Accepted with their hash data, or NotFound when none is installed. */
export async function installedCertificatesAnswer(types: readonly string[] | undefined, hashAlgorithm: HashAlgorithm): Promise<Json> {
  const chain = await installedHashData(types, hashAlgorithm);
  return chain.length > 0 ? { status: 'Accepted', certificateHashDataChain: chain } : { status: 'NotFound' };
}

/** The operator asks the CSMS to send `action` with `payload` (delivery in the background; its answer comes from us). */
function operatorAsks(ctx: CsmsContext, action: string, payload: Json): void {
  ctx.peer.inbox.advanceCursor();
  ctx.peer.note(`operator trigger: make the CSMS send ${action}Request (via ${ctx.triggers.kind})`, payload);
  ctx.track(`operator trigger ${action}`, ctx.triggers.send(action, payload));
}

/** The operator asks the CSMS to install the configured certificate of `type` (known as <configured TYPE> from now on). */
export async function askToInstall(ctx: CsmsContext, type: RootType): Promise<void> {
  const pem = await rememberConfigured(ctx, type);
  operatorAsks(ctx, 'InstallCertificate', { certificateType: type, certificate: pem });
}

/**
 * CertificateInstalled: the operator asks the CSMS to install the configured certificate of `type`; its
 * InstallCertificateRequest must carry that type and exactly that certificate; the test system accepts it.
 */
export async function certificateInstalled(ctx: CsmsContext, type: RootType): Promise<void> {
  ctx.peer.armReply('InstallCertificate', () => ({ payload: { status: 'Accepted' } }));
  await askToInstall(ctx, type);
  const entry = await ctx.peer.expectRequest('InstallCertificate');
  ctx.memory.set('request:InstallCertificate', entry);
  check(ctx, 'InstallCertificateRequest', entry.payload, [
    ['certificateType', type],
    ['certificate', `<configured ${type}>`],
  ], entry.frame);
  ctx.reached.add('CertificateInstalled');
}

/**
 * GetInstalledCertificates: the operator asks the CSMS for the installed certificates of `type`; its
 * GetInstalledCertificateIdsRequest must ask for exactly that type; the test system answers with the hash data of
 * its configured certificate of that type.
 */
export async function getInstalledCertificates(ctx: CsmsContext, type: RootType, hashAlgorithm: HashAlgorithm = 'SHA256'): Promise<void> {
  const answer = await installedCertificatesAnswer([type], hashAlgorithm);
  ctx.peer.armReply('GetInstalledCertificateIds', () => ({ payload: answer }));
  operatorAsks(ctx, 'GetInstalledCertificateIds', { certificateType: [type] });
  const entry = await ctx.peer.expectRequest('GetInstalledCertificateIds');
  ctx.memory.set('request:GetInstalledCertificateIds', entry);
  check(ctx, 'GetInstalledCertificateIdsRequest', entry.payload, [['certificateType', JSON.stringify([type])]], entry.frame);
  ctx.reached.add('GetInstalledCertificates');
}

/** Named without a certificateType (the general state step), these states are about the CSMS root certificate. */
export const CERTIFICATE_STATES: Record<string, (ctx: CsmsContext) => Promise<void>> = {
  CertificateInstalled: (ctx) => certificateInstalled(ctx, 'CSMSRootCertificate'),
  GetInstalledCertificates: (ctx) => getInstalledCertificates(ctx, 'CSMSRootCertificate'),
};
