// The invalid CSMS server certificates a station must refuse (TC_A_05_CS): every invalid server certificate of the
// test PKI (expired, not yet valid, issued by a root the station does not trust, self-signed) and one the PKI's trusted
// root issued for another host name (made here, once per process: the PKI keeps no such server certificate).
import { csmsSet, issueCertificate, loadTestPki } from '../pki/index.ts';
import type { IssuedCert } from '../pki/index.ts';

export interface InvalidServerCertificate {
  /** What is wrong with it, in words for the trace and the verdict. */
  kind: string;
  certPem: string;
  keyPem: string;
  chainPem: string;
}

const WRONG_HOST = 'wrong-host.invalid';
const made = new Map<string, Promise<InvalidServerCertificate[]>>();

function entry(kind: string, c: IssuedCert): InvalidServerCertificate {
  return { kind, certPem: c.certPem, keyPem: c.keyPem, chainPem: c.chainPem };
}

/** The invalid server certificates of the test PKI in `dir` (its first key algorithm, as the run's server certificate); none without a PKI. */
export function invalidServerCertificates(dir: string | null): Promise<InvalidServerCertificate[]> {
  if (!dir) return Promise.resolve([]);
  let list = made.get(dir);
  if (!list) {
    list = (async () => {
      const layout = await loadTestPki(dir);
      const algorithm = layout.config.algorithms[0];
      if (!algorithm) return [];
      const set = csmsSet(layout, algorithm);
      const wrongHost = await issueCertificate({ issuer: set.root, usage: 'server', commonName: WRONG_HOST, dnsNames: [WRONG_HOST], algorithm });
      return [
        entry('expired', set.invalid.serverExpired),
        entry('not valid yet', set.invalid.serverNotYetValid),
        entry('issued by a root the station does not trust', set.invalid.serverWrongIssuer),
        entry('self-signed', set.invalid.serverSelfSigned),
        entry(`issued for another host name (${WRONG_HOST})`, wrongHost),
      ];
    })();
    made.set(dir, list);
  }
  return list;
}
