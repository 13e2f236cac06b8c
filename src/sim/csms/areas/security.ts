// Security (Part 6 block A): Basic Auth, TLS, password and security-profile changes: this area's named faults and behaviour of the reference CSMS.
import type { CsmsArea } from './types.ts';

export const FAULTS = {} as const satisfies Record<string, string>;

export const AREA: CsmsArea = { name: 'security' };
