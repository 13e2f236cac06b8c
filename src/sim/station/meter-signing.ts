// Signed meter readings of the reference station: one P-256 key per station, each sampled value signed on its own.
// signedMeterData is base64 of a JSON record (the reading and its signature); the public key travels as base64 DER
// (SubjectPublicKeyInfo) when OCPPCommCtrlr.PublicKeyWithSignedMeterValue asks for it.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { SampledValue } from './meter.ts';

export const SIGNING_METHOD = 'ECDSA-secp256r1-SHA256';
export const ENCODING_METHOD = 'JSON-base64';

export class MeterSigner {
  private readonly privateKey: KeyObject;
  readonly publicKeyBase64: string;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    this.publicKeyBase64 = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  }

  /** The signedMeterValue of one reading taken at `timestamp`. */
  signedMeterValue(value: SampledValue, timestamp: string, withPublicKey: boolean): Record<string, string> {
    const record = JSON.stringify({ timestamp, value: value.value, measurand: value.measurand ?? 'Energy.Active.Import.Register', context: value.context });
    const signature = sign('sha256', Buffer.from(record), this.privateKey).toString('base64');
    return {
      signedMeterData: Buffer.from(JSON.stringify({ record, signature })).toString('base64'),
      signingMethod: SIGNING_METHOD,
      encodingMethod: ENCODING_METHOD,
      publicKey: withPublicKey ? this.publicKeyBase64 : '',
    };
  }
}
