// Reusable states of availability (block G): Unavailable, Reserved, when the SUT is a CSMS.
import type { CsmsContext } from './context.ts';

export const AVAILABILITY_STATES: Record<string, (ctx: CsmsContext) => Promise<void>> = {};
