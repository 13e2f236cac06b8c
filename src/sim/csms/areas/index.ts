// The list of CSMS areas. Every area file exports FAULTS (name -> one-line description) and AREA (its hooks).
import type { Handler } from '../handlers.ts';
import type { CsmsArea } from './types.ts';
import { AREA as Security } from './security.ts';
import { AREA as Provisioning } from './provisioning.ts';
import { AREA as Authorization } from './authorization.ts';
import { AREA as Transactions } from './transactions.ts';
import { AREA as MeterValues } from './meter-values.ts';
import { AREA as RemoteControl } from './remote-control.ts';
import { AREA as Availability } from './availability.ts';
import { AREA as DataTransfer } from './data-transfer.ts';
import { AREA as Firmware } from './firmware.ts';
import { AREA as Certificates } from './certificates.ts';
import { AREA as Diagnostics } from './diagnostics.ts';
import { AREA as LocalList } from './local-list.ts';
import { AREA as Reservation } from './reservation.ts';
import { AREA as SmartCharging } from './smart-charging.ts';
import { AREA as Monitoring } from './monitoring.ts';
import { AREA as Display } from './display.ts';
import { AREA as TariffCost } from './tariff-cost.ts';
import { AREA as FirmwarePublish } from './firmware-publish.ts';
import { AREA as ContractCertificates } from './contract-certificates.ts';

export type { CsmsArea } from './types.ts';

export const AREAS: readonly CsmsArea[] = [Security, Provisioning, Authorization, Transactions, MeterValues, RemoteControl, Availability, DataTransfer, Firmware, Certificates, Diagnostics, LocalList, Reservation, SmartCharging, Monitoring, Display, TariffCost, FirmwarePublish, ContractCertificates];

/** The area handlers by action; an action claimed twice is a programming error found at start-up. */
export function areaHandlers(): Record<string, Handler> {
  const out: Record<string, Handler> = {};
  for (const area of AREAS) {
    for (const [action, handler] of Object.entries(area.handlers ?? {})) {
      if (out[action]) throw new Error(`CSMS areas: ${action} is handled twice (second: ${area.name})`);
      out[action] = handler;
    }
  }
  return out;
}
