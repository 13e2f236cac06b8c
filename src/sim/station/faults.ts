// Named faults of the reference Charging Station. Each entry is a switch read at exactly one place in the simulator,
// so a fault changes one observable behaviour and nothing else. The fault matrix of the self-test relies on that.
// The core's faults (RPC, transport) are here; every area keeps its own in areas/<area>.ts, next to where they act.
import { FaultSet, isFaultIn } from '../common/fault-set.ts';
import { AREAS } from './areas/index.ts';

/** Faults of the core: the RPC framework and the transport (not of one functional area). */
export const CORE_FAULTS = {
  'rpc.schemaInvalidResponse': 'Responses to the CSMS are sent with an extra property that the schemas forbid.',
  'rpc.neverAnswer': 'Requests from the CSMS are never answered.',
  'rpc.lateAnswer': 'Requests from the CSMS are answered after lateAnswerMs (default 35 s).',
  'rpc.concurrentCall': 'The station sends a second CALL before the response to the first one arrived.',
  'rpc.wrongCallErrorCode': 'Requests for actions the station does not support get CALLERROR GenericError instead of NotSupported.',
  'subprotocol.wrong': 'The WebSocket handshake offers only an unknown subprotocol.',
  'auth.wrongPassword': 'Basic Auth is sent with a wrong password.',
} as const satisfies Record<string, string>;

/** Distributes over the areas, so the union of every area's fault names comes out (typos in `faults.has` fail to compile). */
type FaultsOf<A> = A extends { faults: infer F } ? keyof F : never;
type AreaFault = FaultsOf<(typeof AREAS)[number]>;
export type StationFault = keyof typeof CORE_FAULTS | (AreaFault & string);

/** One registry from the core's and the areas' faults; a name defined twice would lose a meaning, so it is refused. */
function mergeFaults(): Readonly<Record<StationFault, string>> {
  const out: Record<string, string> = { ...CORE_FAULTS };
  for (const area of AREAS) {
    for (const [name, description] of Object.entries(area.faults)) {
      if (name in out) throw new Error(`station fault ${name} is defined twice (second: area ${area.name})`);
      out[name] = description;
    }
  }
  return out as Record<StationFault, string>;
}

export const STATION_FAULTS = mergeFaults();

/** The area a station fault belongs to ('core' for the RPC and transport faults). */
export function stationFaultArea(name: string): { area: string; blocks: readonly string[] } | undefined {
  if (isFaultIn(CORE_FAULTS, name)) return { area: 'core', blocks: [] };
  const area = AREAS.find((a) => name in a.faults);
  return area ? { area: area.name, blocks: area.blocks } : undefined;
}

export { UnknownFaultError } from '../common/fault-set.ts';

export function isStationFault(name: string): name is StationFault {
  return isFaultIn(STATION_FAULTS, name);
}

/** The active station faults. */
export class StationFaultSet extends FaultSet<StationFault> {
  constructor(names: readonly string[] = []) {
    super(STATION_FAULTS, names, (unknown, valid) => `unknown station fault(s): ${unknown.join(', ')}; valid faults: ${valid.join(', ')}`);
  }
}
