// Certificate management (Part 6 block M): install, retrieve and delete certificates: this area's named faults and behaviour of the reference CSMS.
import type { CsmsArea } from './types.ts';

export const FAULTS = {} as const satisfies Record<string, string>;

export const AREA: CsmsArea = { name: 'certificates' };
