// The ONE list of the reference station's areas. A new area: write areas/<area>.ts exporting AREA (see types.ts),
// add one line here. Its faults join STATION_FAULTS, its handlers and triggers are routed, its hooks run in this order.
import { AREA as Boot } from './boot.ts';
import { AREA as Availability } from './availability.ts';
import { AREA as Security } from './security.ts';
import { AREA as Transactions } from './transactions.ts';
import { AREA as Authorization } from './authorization.ts';
import { AREA as Provisioning } from './provisioning.ts';
import { AREA as Reset } from './reset.ts';
import { AREA as RemoteControl } from './remote-control.ts';
import { AREA as MeterValues } from './meter-values.ts';
import { AREA as Firmware } from './firmware.ts';
import { AREA as Diagnostics } from './diagnostics.ts';
import { AREA as DataTransfer } from './data-transfer.ts';
import { AREA as Certificates } from './certificates.ts';
import { AREA as NetworkProfile } from './network-profile.ts';
import { AREA as CustomerInformation } from './customer-information.ts';
import { AREA as RemoteAuthorization } from './remote-authorization.ts';
import { AREA as Reconnect } from './reconnect.ts';
import type { StationArea } from './types.ts';

export type { StationArea } from './types.ts';

// Order matters for the hooks: after a boot the heartbeat starts, then connector status, security events, and the
// queued TransactionEvents.
export const AREAS = [Boot, Availability, Security, Transactions, Authorization, Provisioning, Reset, RemoteControl, MeterValues, Firmware, Diagnostics, DataTransfer, Certificates, NetworkProfile, CustomerInformation, RemoteAuthorization, Reconnect] as const satisfies readonly StationArea[];
