// Authorization (Part 6 block C): idToken answers, authorization cache, group ids, master pass: this area's named faults and behaviour of the reference CSMS.
import type { CsmsArea } from './types.ts';

export const FAULTS = {} as const satisfies Record<string, string>;

export const AREA: CsmsArea = { name: 'authorization' };
