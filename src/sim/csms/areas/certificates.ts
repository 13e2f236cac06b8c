// Certificate management (Part 6 block M): install, retrieve and delete certificates: this area's named faults and behaviour of the reference CSMS.
//
// Behaviour: the CSMS sends InstallCertificate, GetInstalledCertificateIds and DeleteCertificate as the operator asks
// (operator API call/{Action}); the delete-certificate helper first asks the station for the installed certificates of
// a type and deletes the one it reports, by exactly the hash data the station gave. The faults below corrupt what goes
// on the wire, as a CSMS with these bugs would.
import type { CsmsFaultSet } from '../faults.ts';
import type { CsmsArea } from './types.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'certificates.swapRootTypes': 'outgoing InstallCertificate requests swap CSMSRootCertificate and ManufacturerRootCertificate',
  'certificates.flattenPem': 'outgoing InstallCertificate requests carry the certificate PEM with its line breaks removed',
  'certificates.alwaysAskAllTypes': 'outgoing GetInstalledCertificateIds requests never carry certificateType (always ask for every type)',
  'certificates.askDefaultType': 'an outgoing GetInstalledCertificateIds request without certificateType asks for CSMSRootCertificate instead',
  'certificates.askOnlyFirstType': 'an outgoing GetInstalledCertificateIds request for several certificateTypes asks for the first one only',
  'certificates.deleteSha256Only': 'outgoing DeleteCertificate requests always say hashAlgorithm SHA256, whatever algorithm the hashes were made with',
  'certificates.swapIssuerHashes': 'outgoing DeleteCertificate requests swap issuerNameHash and issuerKeyHash',
  'certificates.swapIsoRootTypes': 'outgoing InstallCertificate requests swap V2GRootCertificate and MORootCertificate',
  'certificates.askRootForV2GChain': 'an outgoing GetInstalledCertificateIds request for V2GCertificateChain asks for V2GRootCertificate instead',
} as const satisfies Record<string, string>;

const SWAPPED_ROOT: Record<string, string> = { CSMSRootCertificate: 'ManufacturerRootCertificate', ManufacturerRootCertificate: 'CSMSRootCertificate' };
const SWAPPED_ISO_ROOT: Record<string, string> = { V2GRootCertificate: 'MORootCertificate', MORootCertificate: 'V2GRootCertificate' };

function outgoing(faults: CsmsFaultSet, action: string, p: Json): void {
  if (action === 'InstallCertificate') {
    if (faults.has('certificates.swapRootTypes')) p.certificateType = SWAPPED_ROOT[String(p.certificateType)] ?? p.certificateType;
    if (faults.has('certificates.swapIsoRootTypes')) p.certificateType = SWAPPED_ISO_ROOT[String(p.certificateType)] ?? p.certificateType;
    if (faults.has('certificates.flattenPem') && typeof p.certificate === 'string') p.certificate = p.certificate.replace(/\r?\n/g, '');
  }
  if (action === 'GetInstalledCertificateIds') {
    if (faults.has('certificates.alwaysAskAllTypes')) delete p.certificateType;
    else if (faults.has('certificates.askRootForV2GChain') && Array.isArray(p.certificateType)) p.certificateType = p.certificateType.map((t) => (t === 'V2GCertificateChain' ? 'V2GRootCertificate' : t));
    else if (faults.has('certificates.askDefaultType') && p.certificateType === undefined) p.certificateType = ['CSMSRootCertificate'];
    if (faults.has('certificates.askOnlyFirstType') && Array.isArray(p.certificateType)) p.certificateType = p.certificateType.slice(0, 1);
  }
  if (action === 'DeleteCertificate' && p.certificateHashData !== null && typeof p.certificateHashData === 'object') {
    const hash = p.certificateHashData as Json;
    if (faults.has('certificates.deleteSha256Only')) hash.hashAlgorithm = 'SHA256';
    if (faults.has('certificates.swapIssuerHashes')) [hash.issuerNameHash, hash.issuerKeyHash] = [hash.issuerKeyHash, hash.issuerNameHash];
  }
}

export const AREA: CsmsArea = { name: 'certificates', outgoing };
