// Operations behind the certificate-management steps (Part 6 block M, CSMS cases): the CertificateInstalled and
// GetInstalledCertificates states for a named certificateType, the test system's answer listing its installed
// certificates, and the operator's request to delete an installed certificate.
import { ActionFailed } from '../../actions/types.ts';
import { ExpectationFailed, ScriptError } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import { HASH_ALGORITHMS } from '../../pki/certificate-hash.ts';
import type { HashAlgorithm } from '../../pki/certificate-hash.ts';
import type { CsmsContext, ScenarioContext } from '../../states/context.ts';
import { askToInstall, certificateInstalled, getInstalledCertificates, installedCertificatesAnswer, isRootType, ROOT_TYPES } from '../../states/csms-certificates.ts';
import type { RootType } from '../../states/csms-certificates.ts';
import { getInstalledV2GChain } from '../../states/csms-iso15118.ts';
import { sutSends } from '../operations.ts';
import { asCsms } from '../roles.ts';

type Json = Record<string, unknown>;


function rootType(type: string): RootType {
  if (!isRootType(type)) throw new ScriptError(`"${type}" is not a root certificateType (${ROOT_TYPES.join(', ')})`);
  return type;
}

function hashAlgorithm(name: string): HashAlgorithm {
  const found = HASH_ALGORITHMS.find((a) => a === name);
  if (!found) throw new ScriptError(`"${name}" is not a hash algorithm of OCPP (${HASH_ALGORITHMS.join(', ')})`);
  return found;
}

const STATES = { CertificateInstalled: certificateInstalled, GetInstalledCertificates: getInstalledCertificates } as const;

/** Reusable state CertificateInstalled / GetInstalledCertificates for one certificateType. */
export async function certificateState(ctx: ScenarioContext, state: keyof typeof STATES, type: string): Promise<void> {
  const c = asCsms(ctx, `the reusable state ${state}`);
  if (state === 'GetInstalledCertificates' && type === 'V2GCertificateChain') {
    c.peer.note(`reusable state ${state} for ${type}: begin`);
    await getInstalledV2GChain(c);
    c.peer.note(`reusable state ${state} for ${type}: reached`);
    return;
  }
  const t = rootType(type);
  c.peer.note(`reusable state ${state} for ${t}: begin`);
  await STATES[state](c, t);
  c.peer.note(`reusable state ${state} for ${t}: reached`);
}

/** Reusable state GetInstalledCertificates for one certificateType, the test system answering with hashes of `algorithm`. */
export async function installedCertificatesHashed(ctx: ScenarioContext, type: string, algorithm: string): Promise<void> {
  const c = asCsms(ctx, 'the reusable state GetInstalledCertificates');
  const t = rootType(type);
  c.peer.note(`reusable state GetInstalledCertificates for ${t} (${algorithm}): begin`);
  await getInstalledCertificates(c, t, hashAlgorithm(algorithm));
  c.peer.note(`reusable state GetInstalledCertificates for ${t} (${algorithm}): reached`);
}

/** The GetInstalledCertificateIdsRequest an earlier step received, still waiting for our answer. */
function receivedQuery(ctx: CsmsContext): InboxEntry {
  const entry = ctx.memory.get('request:GetInstalledCertificateIds') as InboxEntry | undefined;
  if (!entry) throw new ScriptError('no GetInstalledCertificateIdsRequest was received by an earlier step, so there is nothing to answer');
  return entry;
}

/**
 * The test system answers the received GetInstalledCertificateIdsRequest with the hash data of its installed
 * certificates: of `type` only, or (no type) of every one the request asks for. The first entry's hash data is
 * remembered as <returned certificateHashData>.
 */
export async function respondWithInstalled(ctx: ScenarioContext, type?: string, algorithm = 'SHA256'): Promise<void> {
  const c = asCsms(ctx, 'the test system lists its installed certificates');
  const entry = receivedQuery(c);
  const asked = Array.isArray(entry.payload.certificateType) ? (entry.payload.certificateType as string[]) : undefined;
  const payload = await installedCertificatesAnswer(type === undefined ? asked : [rootType(type)], hashAlgorithm(algorithm));
  const chain = payload.certificateHashDataChain as Json[] | undefined;
  if (chain?.[0]) c.memory.set('returned certificateHashData', chain[0].certificateHashData);
  c.memory.set('reply:GetInstalledCertificateIds', { payload, at: Date.now() });
  c.peer.respond(entry, { payload });
}

/** The CSMS's GetInstalledCertificateIdsRequest asks for `type` among others, or for every type (certificateType omitted). */
export async function csmsAsksFor(ctx: ScenarioContext, type: string): Promise<void> {
  const c = asCsms(ctx, 'the CSMS asks for installed certificates');
  const t = rootType(type);
  await sutSends(c, 'the CSMS', 'GetInstalledCertificateIds');
  const entry = receivedQuery(c);
  const asked = entry.payload.certificateType;
  if (asked !== undefined && !(Array.isArray(asked) && asked.includes(t))) {
    throw new ExpectationFailed({
      expected: `a GetInstalledCertificateIdsRequest whose certificateType contains ${t} or is omitted`,
      actual: `certificateType is ${JSON.stringify(asked)}`,
      frame: entry.frame,
      requirementIds: c.requirementIds,
    });
  }
}

/** The operator asks the CSMS to delete the installed certificate of `type` (the CSMS looks up its hash data itself). */
export function operatorDeletes(ctx: ScenarioContext, type: string): void {
  const c = asCsms(ctx, 'the operator makes the CSMS delete a certificate');
  const body = { certificateType: rootType(type) };
  c.peer.inbox.advanceCursor();
  c.peer.note(`operator trigger: make the CSMS delete the installed ${type} (via ${c.triggers.kind})`, body);
  c.track('operator trigger delete-certificate', c.triggers.kind === 'http-octt' ? deleteThroughCalls(c, body.certificateType) : c.triggers.helper('delete-certificate', body));
}

/**
 * The public trigger convention has no delete helper: the operator has the CSMS ask the station for its installed
 * certificates of the type (call/GetInstalledCertificateIds) and then delete the one listed, by the hash data the
 * CSMS relayed (call/DeleteCertificate).
 */
async function deleteThroughCalls(c: CsmsContext, certificateType: RootType): Promise<unknown> {
  const listed = (await c.triggers.send('GetInstalledCertificateIds', { certificateType: [certificateType] })) as Json | undefined;
  const chain = Array.isArray(listed?.certificateHashDataChain) ? (listed.certificateHashDataChain as Json[]) : [];
  const entry = chain.find((e) => e.certificateType === certificateType);
  if (!entry) throw new ActionFailed(`the CSMS relayed no installed ${certificateType} from the station (${JSON.stringify(listed ?? null).slice(0, 200)})`, true);
  return c.triggers.send('DeleteCertificate', { certificateHashData: entry.certificateHashData });
}

/** The operator asks the CSMS to install the configured certificate of `type`. */
export async function operatorInstalls(ctx: ScenarioContext, type: string): Promise<void> {
  await askToInstall(asCsms(ctx, 'the operator makes the CSMS install a certificate'), rootType(type));
}
