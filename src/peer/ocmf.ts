// Signed meter readings as the test system's station meter produces them: OCMF records signed with a P-256 key that
// the meter creates once (per signer), in the SignedMeterValueType shape OCPP carries them in.
import { generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

export interface OcmfReading {
  /** Gateway identification (the station model) and gateway serial (identity and EVSE). */
  gatewayId: string;
  gatewaySerial: string;
  /** Pagination of the record, e.g. "T3" (optional in OCMF). */
  pagination?: string;
  at: Date;
  /** B = transaction begin, E = end, T = a reading in between. */
  kind: 'B' | 'E' | 'T';
  wh: number;
}

export const OCMF_SIGNING_METHOD = 'ECDSA-secp256r1-SHA256';

export class OcmfSigner {
  private key: { privateKey: KeyObject; publicKeyB64: string } | undefined;

  /** A SignedMeterValueType for the reading. */
  sign(r: OcmfReading): Record<string, unknown> {
    if (!this.key) {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      this.key = { privateKey, publicKeyB64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
    }
    const data = JSON.stringify({
      FV: '1.0',
      GI: r.gatewayId,
      GS: r.gatewaySerial,
      ...(r.pagination !== undefined ? { PG: r.pagination } : {}),
      RD: [{ TM: `${r.at.toISOString().replace('Z', '+0000')} S`, TX: r.kind, RV: r.wh / 1000, RI: '01-00:B0.08.00.FF', RU: 'kWh', ST: 'G' }],
    });
    const signature = sign('sha256', Buffer.from(data), this.key.privateKey).toString('hex').toUpperCase();
    const record = `OCMF|${data}|${JSON.stringify({ SA: OCMF_SIGNING_METHOD, SD: signature })}`;
    return { signedMeterData: Buffer.from(record).toString('base64'), signingMethod: OCMF_SIGNING_METHOD, encodingMethod: 'OCMF', publicKey: this.key.publicKeyB64 };
  }
}
