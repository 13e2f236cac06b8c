// Small PEM helpers: find blocks by label, normalise line endings, decode to DER.
import { PkiError } from './errors.ts';

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

export interface PemBlock {
  label: string;
  der: Buffer;
  /** The block re-encoded with 64-column lines and a trailing newline. */
  pem: string;
}

export function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const label = m[1] ?? '';
    const body = (m[2] ?? '').replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length === 0) {
      throw new PkiError(`the PEM block "${label}" does not contain valid base64 data`);
    }
    const der = Buffer.from(body, 'base64');
    out.push({ label, der, pem: toPem(der, label) });
  }
  return out;
}

export function toPem(der: Uint8Array | ArrayBuffer, label: string): string {
  const b64 = Buffer.from(der instanceof ArrayBuffer ? new Uint8Array(der) : der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** All certificates of a PEM bundle, each as its own normalised PEM string. */
export function splitPemCertificates(text: string): string[] {
  return pemBlocks(text)
    .filter((b) => b.label === 'CERTIFICATE')
    .map((b) => b.pem);
}

/** The first block with one of the labels; PkiError naming what was expected otherwise. */
export function firstPemBlock(text: string, labels: readonly string[], what: string): PemBlock {
  if (typeof text !== 'string' || text.trim() === '') throw new PkiError(`${what} is empty`);
  const blocks = pemBlocks(text);
  const found = blocks.find((b) => labels.includes(b.label));
  if (found) return found;
  const seen = blocks.map((b) => b.label);
  throw new PkiError(
    `${what} is not PEM of the expected kind: expected "-----BEGIN ${labels[0]}-----"` +
      (seen.length > 0 ? `, found ${seen.map((l) => `"${l}"`).join(', ')}` : ', found no PEM block at all'),
  );
}
