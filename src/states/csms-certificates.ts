// Reusable states of certificate management (block M): CertificateInstalled, GetInstalledCertificates, when the SUT is a CSMS.
import type { CsmsContext } from './context.ts';

export const CERTIFICATE_STATES: Record<string, (ctx: CsmsContext) => Promise<void>> = {};
