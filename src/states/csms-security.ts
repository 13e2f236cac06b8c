// Reusable states of security (block A): RenewChargingStationCertificate, when the SUT is a CSMS.
import type { CsmsContext } from './context.ts';

export const SECURITY_STATES: Record<string, (ctx: CsmsContext) => Promise<void>> = {};
