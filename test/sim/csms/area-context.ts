// A handler context for tests of one CSMS area: one fresh station, the given faults, and no-op hooks unless a test
// passes its own (later, callStation, ...).
import { CsmsFaultSet } from '../../../src/sim/csms/faults.ts';
import type { HandlerContext } from '../../../src/sim/csms/handlers.ts';
import type { ResolvedOptions } from '../../../src/sim/csms/options.ts';
import { StationRecord } from '../../../src/sim/csms/state.ts';

export function areaContext(identity: string, faults: string[] = [], hooks: Partial<HandlerContext> = {}): HandlerContext {
  return {
    station: new StationRecord(identity),
    opts: { faults: new CsmsFaultSet(faults) } as unknown as ResolvedOptions,
    version: '2.0.1',
    later: () => undefined,
    startPendingWork: () => undefined,
    sendCertificate: () => undefined,
    ...hooks,
  };
}
