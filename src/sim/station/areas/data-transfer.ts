// Data transfer (Part 6 block P): the station knows no vendor, so every DataTransfer is UnknownVendorId.
// This area's named faults and behaviour of the reference station.
import type { StationArea } from './types.ts';

export const FAULTS = {} as const satisfies Record<string, string>;

export const AREA = {
  name: 'data-transfer',
  blocks: ['P'],
  faults: FAULTS,
  handlers: { DataTransfer: () => ({ status: 'UnknownVendorId' }) },
} satisfies StationArea;
