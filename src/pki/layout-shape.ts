// What a loaded test PKI looks like to the rest of the harness (PkiLayout: the CSMS sets per algorithm, the invalid
// certificates, the V2G and manufacturer chains), and how the credentials read or made by layout.ts assemble into it.
import path from 'node:path';
import { PkiError } from './errors.ts';
import type { IssuedCert } from './certificates.ts';
import type { KeyAlgorithm } from './keys.ts';
import { MANIFEST_FILE } from './manifest.ts';
import { algorithmFolder, ids, planFiles } from './plan.ts';
import type { PkiConfig, PlanItem } from './plan.ts';


/** One certificate of the test PKI with its key and the absolute paths of its files. Usable as an issuer. */
export interface PkiCredential extends IssuedCert {
  /** Relative path without suffix, e.g. "ecdsa/csms-server". */
  id: string;
  purpose: string;
  /** Absolute paths. For a root, `chain` is the certificate file itself. */
  files: { cert: string; key: string; chain: string };
  /** True when at least one of its files was supplied by the user rather than generated. */
  userSupplied: boolean;
}

export interface StationInvalidSet {
  expired: PkiCredential;
  wrongIssuer: PkiCredential;
  /** Issued by the right root, but its CN is another station's identity. */
  wrongCommonName: PkiCredential;
}

/** The CSMS-side material for one key algorithm (folder rsa/, ecdsa/ or ecdsa-p384/). */
export interface CsmsPkiSet {
  algorithm: KeyAlgorithm;
  folder: string;
  /** Signs the CSMS server certificate and the station client certificates. */
  root: PkiCredential;
  server: PkiCredential;
  /** Station client certificates, by identity. */
  stations: Record<string, PkiCredential>;
  invalid: {
    unrelatedRoot: PkiCredential;
    serverExpired: PkiCredential;
    serverNotYetValid: PkiCredential;
    serverWrongIssuer: PkiCredential;
    serverSelfSigned: PkiCredential;
    stations: Record<string, StationInvalidSet>;
  };
}

export interface PkiLayout {
  dir: string;
  manifestPath: string;
  config: PkiConfig;
  csms: Partial<Record<KeyAlgorithm, CsmsPkiSet>>;
  v2g: {
    root: PkiCredential;
    cpoSubCa1: PkiCredential;
    cpoSubCa2: PkiCredential;
    /** SECC leaf per station identity; its chainPem holds Sub-CA2 and Sub-CA1. */
    secc: Record<string, PkiCredential>;
    moRoot: PkiCredential;
    moSubCa1: PkiCredential;
    moSubCa2: PkiCredential;
    contract: PkiCredential;
  };
  manufacturer: { root: PkiCredential; firmwareSigning: PkiCredential };
  /** Every credential, issuers first. */
  credentials: PkiCredential[];
  /** Only from initTestPki: what this run did. */
  init?: InitReport;
}

export interface InitReport {
  /** Relative paths written by this run. */
  written: string[];
  /** Relative paths of generated files that were already there and kept. */
  kept: string[];
  /** Relative paths of files the user supplied (left untouched). */
  userSupplied: string[];
  warnings: string[];
  manifestChanged: boolean;
  durationMs: number;
}

export interface InitOptions {
  dir: string;
  identities: string[];
  organization?: string;
  serverNames?: string[];
  algorithms?: KeyAlgorithm[];
  /** Reference time for validity periods and for deciding what needs renewal. Default: now. */
  now?: Date;
  /** Re-generate every generated file (user-supplied files are still left alone). */
  force?: boolean;
}


export function toCredential(dir: string, item: PlanItem, cred: IssuedCert, userSupplied: boolean): PkiCredential {
  const rel = planFiles(item);
  const cert = path.join(dir, rel.cert);
  return {
    ...cred,
    id: item.id,
    purpose: item.purpose,
    files: { cert, key: path.join(dir, rel.key), chain: rel.chain === undefined ? cert : path.join(dir, rel.chain) },
    userSupplied,
  };
}

export function buildLayout(dir: string, config: PkiConfig, credentials: PkiCredential[]): PkiLayout {
  const byId = new Map(credentials.map((c) => [c.id, c]));
  const get = (id: string): PkiCredential => {
    const c = byId.get(id);
    if (!c) throw new Error(`internal: ${id} missing from the layout`);
    return c;
  };
  const perIdentity = <T>(fn: (id: string) => T): Record<string, T> =>
    Object.fromEntries(config.identities.map((id) => [id, fn(id)]));
  const csms: Partial<Record<KeyAlgorithm, CsmsPkiSet>> = {};
  for (const algorithm of config.algorithms) {
    const f = algorithmFolder(algorithm);
    csms[algorithm] = {
      algorithm,
      folder: f,
      root: get(ids.csmsRoot(f)),
      server: get(ids.csmsServer(f)),
      stations: perIdentity((id) => get(ids.station(f, id))),
      invalid: {
        unrelatedRoot: get(ids.unrelatedRoot(f)),
        serverExpired: get(ids.serverExpired(f)),
        serverNotYetValid: get(ids.serverNotYetValid(f)),
        serverWrongIssuer: get(ids.serverWrongIssuer(f)),
        serverSelfSigned: get(ids.serverSelfSigned(f)),
        stations: perIdentity((id) => ({
          expired: get(ids.stationExpired(f, id)),
          wrongIssuer: get(ids.stationWrongIssuer(f, id)),
          wrongCommonName: get(ids.stationWrongCn(f, id)),
        })),
      },
    };
  }
  return {
    dir,
    manifestPath: path.join(dir, MANIFEST_FILE),
    config,
    csms,
    v2g: {
      root: get(ids.v2gRoot),
      cpoSubCa1: get(ids.cpoSubCa1),
      cpoSubCa2: get(ids.cpoSubCa2),
      secc: perIdentity((id) => get(ids.secc(id))),
      moRoot: get(ids.moRoot),
      moSubCa1: get(ids.moSubCa1),
      moSubCa2: get(ids.moSubCa2),
      contract: get(ids.contract),
    },
    manufacturer: { root: get(ids.manufacturerRoot), firmwareSigning: get(ids.firmwareSigning) },
    credentials,
  };
}

/** The CSMS set for an algorithm, or a PkiError saying how to create it. */
export function csmsSet(layout: PkiLayout, algorithm: KeyAlgorithm): CsmsPkiSet {
  const set = layout.csms[algorithm];
  if (!set) {
    throw new PkiError(
      `the test PKI in ${layout.dir} has no ${algorithm} certificates (it has ${layout.config.algorithms.join(', ')}); ` +
        `add them with \`ocpp-conformance certs init --dir ${layout.dir} --algorithm ${algorithm}\``,
    );
  }
  return set;
}
