// Meter values (Part 6 block J) and transaction status (block E, GetTransactionStatus): this area's named faults and behaviour of the reference CSMS.
import type { CsmsArea } from './types.ts';

export const FAULTS = {} as const satisfies Record<string, string>;

export const AREA: CsmsArea = { name: 'meter-values' };
