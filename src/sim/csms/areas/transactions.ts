// Transactions (Part 6 block E): start and stop points, transaction events: this area's named faults and behaviour of the reference CSMS.
import type { CsmsArea } from './types.ts';

export const FAULTS = {} as const satisfies Record<string, string>;

export const AREA: CsmsArea = { name: 'transactions' };
