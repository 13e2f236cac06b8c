// Operations behind the station-side certificate steps (Part 6 block M, SUT = Charging Station): the memory state
// CertificateInstalled and the reusable state GetInstalledCertificates for a certificateType, with the hash data
// computed from the DER of the test system's configured certificate of that type (one root per type per process,
// src/states/csms-certificates.ts; over TLS the CSMS root is one the run's root issued, cs-csms-root.ts). What a
// case installs is deleted again when it ends (the station lives on).
import { ExpectationFailed, PreconditionFailed, ScriptError } from '../../peer/errors.ts';
import { certificateHashData, HASH_ALGORITHMS } from '../../pki/certificate-hash.ts';
import type { HashAlgorithm } from '../../pki/certificate-hash.ts';
import { createRootCa } from '../../pki/index.ts';
import type { IssuedCert } from '../../pki/index.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { isRootType } from '../../states/csms-certificates.ts';
import type { RootType } from '../../states/csms-certificates.ts';
import { asCs } from '../roles.ts';
import { issuerPemOf, stationConfiguredRoot } from './cs-csms-root.ts';
import type { Frame } from '../../rpc/types.ts';

type Json = Record<string, unknown>;

function rootType(type: string): RootType {
  if (!isRootType(type)) throw new ScriptError(`"${type}" is not a CA certificateType (CSMSRootCertificate, ManufacturerRootCertificate, V2GRootCertificate, MORootCertificate)`);
  return type;
}

/** Same hash data: hex compared case-insensitively, serial numbers without leading zeros. */
function sameHashData(a: Json, b: Json): boolean {
  const hex = (v: unknown): string => String(v).toLowerCase();
  const serial = (v: unknown): string => hex(v).replace(/^0+/, '');
  return a.hashAlgorithm === b.hashAlgorithm && hex(a.issuerNameHash) === hex(b.issuerNameHash) && hex(a.issuerKeyHash) === hex(b.issuerKeyHash) && serial(a.serialNumber) === serial(b.serialNumber);
}

/** The hash data of `pem` in the algorithm an entry of the station uses (SHA256 when the entry names none we know). */
function hashLike(pem: string, entry: Json | undefined, issuerPem?: string): Json {
  const algorithm = HASH_ALGORITHMS.includes(entry?.hashAlgorithm as HashAlgorithm) ? (entry?.hashAlgorithm as HashAlgorithm) : 'SHA256';
  return { ...certificateHashData(pem, algorithm, issuerPem) };
}

/** Memory state CertificateInstalled: InstallCertificate with the configured certificate of `type`, Accepted. */
export async function certificateInstalled(ctx: ScenarioContext, type: string): Promise<void> {
  const cs = asCs(ctx, 'CertificateInstalled');
  const cert = await stationConfiguredRoot(cs, rootType(type));
  const outcome = await cs.peer.callAndAwait('InstallCertificate', { certificateType: type, certificate: cert.certPem }, cs.requirementIds);
  const status = (outcome.payload as Json).status;
  // A CSMS root the station now uses alone (TC_M_30_CS) stays: without it the station could not connect again.
  cs.cleanUp?.(`delete the ${type} the case installed`, () => (cs.memory.has('the station uses only the new CSMS root') ? Promise.resolve() : cs.peer.callAndAwait('DeleteCertificate', { certificateHashData: hashLike(cert.certPem, undefined, issuerPemOf(cs, cert.certPem)) })));
  if (status !== 'Accepted') throw new ExpectationFailed({ expected: `InstallCertificateResponse with status Accepted for the configured ${type}`, actual: `status should be "Accepted" but is "${String(status)}"`, frame: outcome.frame, requirementIds: cs.requirementIds });
  cs.memory.set(`configured ${type}`, cert.certPem);
}

async function installedEntries(cs: CsContext, types: string[] | undefined): Promise<{ payload: Json; frame: Frame }> {
  const outcome = await cs.peer.callAndAwait('GetInstalledCertificateIds', types ? { certificateType: types } : {}, cs.requirementIds);
  return { payload: outcome.payload as Json, frame: outcome.frame };
}

/**
 * The station answers Accepted and lists the configured certificate of each of `types` under its type (asked for
 * those types, or with certificateType omitted when `askAll`). The entry of the first type is remembered as
 * <returned certificateHashData>.
 */
async function listsConfigured(cs: CsContext, types: string[], askAll: boolean): Promise<void> {
  const { payload, frame } = await installedEntries(cs, askAll ? undefined : types);
  const chain = (payload.certificateHashDataChain as Json[] | undefined) ?? [];
  const listed = chain.map((e) => `${String(e.certificateType)} serial ${String((e.certificateHashData as Json).serialNumber)}`).join(', ') || 'nothing';
  for (const [i, type] of types.entries()) {
    const cert = await stationConfiguredRoot(cs, rootType(type));
    const entry = chain.find((e) => e.certificateType === type && sameHashData(e.certificateHashData as Json, hashLike(cert.certPem, e.certificateHashData as Json, issuerPemOf(cs, cert.certPem))));
    if (payload.status !== 'Accepted' || !entry) {
      throw new ExpectationFailed({
        expected: `GetInstalledCertificateIdsResponse Accepted, listing the configured ${type} (serial ${String(hashLike(cert.certPem, undefined, issuerPemOf(cs, cert.certPem)).serialNumber)})`,
        actual: `status ${String(payload.status)}, listed: ${listed}`,
        frame,
        requirementIds: cs.requirementIds,
      });
    }
    if (i === 0) cs.memory.set('returned certificateHashData', entry.certificateHashData);
  }
}

/** Reusable state GetInstalledCertificates for one or more certificateTypes (asked for in one request). */
export async function getInstalledCertificates(ctx: ScenarioContext, ...types: string[]): Promise<void> {
  await listsConfigured(asCs(ctx, 'GetInstalledCertificates'), types, false);
}

/** Asked with certificateType omitted, the station lists the configured certificate of each of `types`. */
export async function listsAllTypes(ctx: ScenarioContext, ...types: string[]): Promise<void> {
  await listsConfigured(asCs(ctx, 'GetInstalledCertificateIds for every type'), types, true);
}

/** Part 6's preparation for "no certificate of this type": every installed one of `type` is deleted (each must go). */
export async function noneInstalled(ctx: ScenarioContext, type: string): Promise<void> {
  const cs = asCs(ctx, `no ${type} installed`);
  const { payload } = await installedEntries(cs, [rootType(type)]);
  for (const e of (payload.certificateHashDataChain as Json[] | undefined) ?? []) {
    if (e.certificateType !== type) continue;
    const outcome = await cs.peer.callAndAwait('DeleteCertificate', { certificateHashData: e.certificateHashData as Json }, cs.requirementIds);
    const status = (outcome.payload as Json).status;
    if (status !== 'Accepted') throw new PreconditionFailed(`the installed ${type} serial ${String((e.certificateHashData as Json).serialNumber)} could not be removed (DeleteCertificateResponse ${String(status)})`);
  }
}

/** After a deletion: the configured certificate of `type` is no longer listed (Accepted without it, or NotFound). */
export async function noLongerListed(ctx: ScenarioContext, type: string): Promise<void> {
  const cs = asCs(ctx, 'the certificate is gone');
  const cert = await stationConfiguredRoot(cs, rootType(type));
  await notListed(cs, type, cert.certPem, 'the deleted');
}

let expired: Promise<IssuedCert> | undefined;

/** <generated expired certificate>: a root certificate whose validity ended a year ago. */
export async function expiredRoot(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'an expired root certificate');
  const year = 365 * 24 * 3600_000;
  expired ??= createRootCa({ commonName: 'Conformance Root (expired)', organization: 'OCPP Conformance Test System', notBefore: new Date(Date.now() - 2 * year), notAfter: new Date(Date.now() - year) });
  const pem = (await expired).certPem;
  cs.memory.set('generated expired certificate', pem);
  // Should the station install it after all, it is taken off again when the case ends.
  cs.cleanUp?.('delete the expired root if it was installed', () => cs.peer.callAndAwait('DeleteCertificate', { certificateHashData: hashLike(pem, undefined) }));
}

/** TC_M_07_CS step 4: asked for `type`, the station answers Accepted and does not list <generated expired certificate>. */
export async function expiredNotListed(ctx: ScenarioContext, type: string): Promise<void> {
  const cs = asCs(ctx, 'the expired root is not installed');
  await notListed(cs, type, String(cs.memory.require('generated expired certificate', 'an earlier step makes it')), 'the refused', true);
}

async function notListed(cs: CsContext, type: string, pem: string, what: string, mustBeAccepted = false): Promise<void> {
  const cert = { certPem: pem };
  const { payload, frame } = await installedEntries(cs, [type]);
  if (mustBeAccepted && payload.status !== 'Accepted') throw new ExpectationFailed({ expected: `GetInstalledCertificateIdsResponse with status Accepted (the station has its ${type})`, actual: `status should be "Accepted" but is "${String(payload.status)}"`, frame, requirementIds: cs.requirementIds });
  const chain = (payload.certificateHashDataChain as Json[] | undefined) ?? [];
  const still = chain.find((e) => e.certificateType === type && sameHashData(e.certificateHashData as Json, hashLike(cert.certPem, e.certificateHashData as Json, issuerPemOf(cs, cert.certPem))));
  if (still) throw new ExpectationFailed({ expected: `${what} ${type} is not listed`, actual: `GetInstalledCertificateIdsResponse still lists it (status ${String(payload.status)})`, frame, requirementIds: cs.requirementIds });
}

let unknown: Promise<IssuedCert> | undefined;

/** <certificateHashData from unknown certificate>: a root made for the run and never given to any station. */
export async function unknownCertificate(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'an unknown certificate');
  unknown ??= createRootCa({ commonName: 'Conformance Root Never Installed', organization: 'OCPP Conformance Test System' });
  cs.memory.set('certificateHashData from unknown certificate', { ...certificateHashData((await unknown).certPem, 'SHA256') });
}
