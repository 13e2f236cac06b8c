// A simulated energy meter per EVSE: integrates power over time while the EV charges.

import { formatOcppDateTime } from '../../schema/datetime.ts';

export const CHARGING_POWER_W = 11_000;
const VOLTAGE_V = 230;
const PHASES = 3;

export type ReadingContext = 'Transaction.Begin' | 'Transaction.End' | 'Sample.Periodic' | 'Trigger' | 'Sample.Clock';

export interface SampledValue {
  value: number;
  context?: ReadingContext;
  measurand?: string;
  location?: 'Outlet' | 'EV';
  unitOfMeasure?: { unit: string };
  signedMeterValue?: Record<string, string>;
}
export interface MeterValue {
  timestamp: string;
  sampledValue: SampledValue[];
}

export class EvseMeter {
  private wh = 0;
  private since: number | undefined;

  /** Starts or stops integrating power (call on every change of chargingState). */
  setCharging(charging: boolean, now = Date.now()): void {
    this.read(now);
    this.since = charging ? now : undefined;
  }

  /** Total imported energy in Wh, up to now. */
  read(now = Date.now()): number {
    if (this.since !== undefined) {
      this.wh += (CHARGING_POWER_W * (now - this.since)) / 3_600_000;
      this.since = now;
    }
    return this.wh;
  }

  get charging(): boolean {
    return this.since !== undefined;
  }

  sample(measurands: string[], context: ReadingContext, now = Date.now()): MeterValue {
    const energy = this.read(now);
    const charging = this.charging;
    const sampledValue: SampledValue[] = [];
    for (const m of measurands) {
      switch (m) {
        case 'Energy.Active.Import.Register':
          sampledValue.push({ value: round(energy), context, measurand: m, location: 'Outlet', unitOfMeasure: { unit: 'Wh' } });
          break;
        case 'Power.Active.Import':
          sampledValue.push({ value: charging ? CHARGING_POWER_W : 0, context, measurand: m, location: 'Outlet', unitOfMeasure: { unit: 'W' } });
          break;
        case 'Current.Import':
          sampledValue.push({ value: charging ? round(CHARGING_POWER_W / VOLTAGE_V / PHASES) : 0, context, measurand: m, location: 'Outlet', unitOfMeasure: { unit: 'A' } });
          break;
        case 'Current.Offered':
          sampledValue.push({ value: 32, context, measurand: m, location: 'Outlet', unitOfMeasure: { unit: 'A' } });
          break;
        case 'Voltage':
          sampledValue.push({ value: VOLTAGE_V, context, measurand: m, location: 'Outlet', unitOfMeasure: { unit: 'V' } });
          break;
        case 'SoC':
          sampledValue.push({ value: Math.min(100, round(20 + energy / 600)), context, measurand: m, location: 'EV', unitOfMeasure: { unit: 'Percent' } });
          break;
        default:
          break;
      }
    }
    if (sampledValue.length === 0) {
      sampledValue.push({ value: round(energy), context, measurand: 'Energy.Active.Import.Register', location: 'Outlet', unitOfMeasure: { unit: 'Wh' } });
    }
    return { timestamp: formatOcppDateTime(new Date(now)), sampledValue };
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
