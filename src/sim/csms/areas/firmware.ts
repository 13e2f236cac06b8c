// Firmware management (Part 6 block L): secure firmware update: this area's named faults and behaviour of the reference CSMS.
import type { CsmsArea } from './types.ts';

export const FAULTS = {} as const satisfies Record<string, string>;

export const AREA: CsmsArea = { name: 'firmware' };
