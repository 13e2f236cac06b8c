// Short labels, in our own words, for the Part 5 feature ids (optional features, additional questions, hardware).
// The Part 5 feature names and questions are not copied into the project; these labels only help a person find the
// right row. build.ts writes them into data/profiles.json. An id without a label is shown as "<id> (see Part 5)".
import type { OcppVersion, SutRole } from './types.ts';

/** Who a feature id belongs to: a SUT role, or the hardware list that Part 5 keeps for the Charging Station. */
export type FeatureScope = SutRole | 'hardware';

type Versions = readonly OcppVersion[];
const BOTH: Versions = ['2.0.1', '2.1'];
const V201: Versions = ['2.0.1'];
const V21: Versions = ['2.1'];

const LABELS = new Map<string, string>();

function key(version: OcppVersion, scope: FeatureScope, id: string): string {
  return `${version} ${scope} ${id}`;
}

function add(versions: Versions, scopes: readonly FeatureScope[], labels: Record<string, string>): void {
  for (const v of versions) {
    for (const s of scopes) {
      for (const [id, label] of Object.entries(labels)) {
        const k = key(v, s, id);
        if (LABELS.has(k)) throw new Error(`feature label ${k} defined twice`);
        LABELS.set(k, label);
      }
    }
  }
}

const CS: readonly FeatureScope[] = ['ChargingStation'];
const CSMS: readonly FeatureScope[] = ['CSMS'];
const ROLES: readonly FeatureScope[] = ['ChargingStation', 'CSMS'];
const HW: readonly FeatureScope[] = ['hardware'];

// ---- Core: ids both roles share ----
add(BOTH, ROLES, {
  'C-13': 'reset of a single EVSE (AllowReset)',
  'C-14': 'customer information by CustomerIdentifier',
  'C-29': 'TriggerMessage',
  'C-29.1': 'trigger MeterValues',
  'C-29.2': 'trigger TransactionEvent',
  'C-29.3': 'trigger LogStatusNotification',
  'C-29.4': 'trigger FirmwareStatusNotification',
  'C-29.5': 'trigger StatusNotification',
  'C-30': 'local start: RFID ISO14443',
  'C-31': 'local start: RFID ISO15693',
  'C-32': 'local start: KeyCode',
  'C-33': 'local start: id made locally',
  'C-34': 'local start: MacAddress',
  'C-35': 'local start: NoAuthorization',
  'C-36': 'remote start: RFID ISO14443',
  'C-37': 'remote start: RFID ISO15693',
  'C-38': 'remote start: id made centrally',
  'C-39': 'remote start: NoAuthorization',
});
add(V21, ROLES, { 'C-61': 'security profile 1 (basic auth, no TLS)' });

// ---- Core: Charging Station ----
add(BOTH, CS, {
  'C-01': 'offline authorization of transactions',
  'C-02': 'offline start for unknown ids (OfflineTxForUnknownIdEnabled)',
  'C-03': 'energy cap for invalid ids (MaxEnergyOnInvalidId)',
  'C-04': 'minimum status duration (MinimumStatusDuration)',
  'C-06': 'EV-side unplug and authorization (StopTxOnEVSideDisconnect)',
  'C-06.1': 'keeps authorization after EV-side unplug',
  'C-06.2': 'drops authorization after EV-side unplug',
  'C-07': 'master pass, station with UI (MasterPassGroupId)',
  'C-08': 'master pass, station without UI (MasterPassGroupId)',
  'C-09': 'transaction start points (TxStartPoint)',
  'C-09.1': 'start point EVConnected',
  'C-09.2': 'start point Authorized',
  'C-09.3': 'start point DataSigned',
  'C-09.4': 'start point PowerPathClosed',
  'C-09.5': 'start point EnergyTransfer',
  'C-09.6': 'start point ParkingBayOccupancy',
  'C-10': 'transaction stop points (TxStopPoint)',
  'C-10.1': 'stop point EVConnected',
  'C-10.2': 'stop point Authorized',
  'C-10.3': 'stop point PowerPathClosed',
  'C-10.4': 'stop point EnergyTransfer',
  'C-10.5': 'stop point ParkingBayOccupancy',
  'C-12': 'unlock on EV-side unplug (UnlockOnEVSideDisconnect)',
  'C-12.1': 'unlocks on EV-side unplug',
  'C-12.2': 'stays locked on EV-side unplug',
  'C-20': 'new sessions while a firmware update waits (AllowNewSessionsPendingFirmwareUpdate)',
  'C-21': 'offline queue: all messages or transaction ones only (QueueAllMessages)',
  'C-23': 'time sources (TimeSource)',
  'C-25': 'time offset setting (TimeOffset)',
  'C-26': 'time zone setting (TimeZone)',
  'C-28': 'clock-aligned values while idle (AlignedDataSendDuringIdle)',
  'C-29.6': 'trigger BootNotification',
  'C-40': 'meter value measurands',
  'C-40.1': 'measurands: SampledTxStartedMeasurands',
  'C-40.2': 'measurands: SampledTxUpdatedMeasurands',
  'C-40.3': 'measurands: SampledTxEndedMeasurands',
  'C-40.4': 'measurands: AlignedDataMeasurands',
  'C-40.5': 'measurands: AlignedDataTxEndedMeasurands',
  'C-41': 'cipher suites',
  'C-42': 'signed meter values (SampledDataSignReadings)',
  'C-43': 'firmware install during a transaction',
  'C-47': 'falls back to default reconnect when a network profile fails',
  'C-48': 'authorize remote starts (AuthorizeRemoteStart)',
  'C-48.1': 'authorizes remote starts',
  'C-48.2': 'skips authorizing remote starts',
  'C-49': 'authorization cache (AuthCacheEnabled)',
  'C-51': 'TxStartPoint can be configured',
  'C-52': 'TxStopPoint can be configured',
  'C-53': 'cache entry lifetime (AuthCacheLifeTime)',
  'C-54': 'cache replacement policy (AuthCachePolicy)',
  'C-56': 'SummaryInventory report',
  'C-57': 'cancel a running log upload',
  'C-58': 'remote authorization can be disabled (DisableRemoteAuthorization)',
  'C-59': 'no re-check of cached invalid tokens (AuthCacheDisablePostAuthorize)',
  'C-60': 'cancel a running firmware update',
});
add(V21, CS, {
  'C-62': 'resumable transactions (ImmediateAndResume)',
  'C-63': 'transaction limits',
  'C-64': 'transaction resumes after an interruption',
  'C-65': 'DataCollectorLog',
  'C-70': 'local stop: RFID ISO14443',
  'C-71': 'local stop: RFID ISO15693',
  'C-72': 'local stop: KeyCode',
  'C-75': 'local stop: NoAuthorization',
});

// ---- Core: CSMS ----
add(BOTH, CSMS, {
  'C-11': 'UnlockConnector for detachable cables',
  'C-15': 'scheduled firmware updates',
  'C-16': 'transaction status query (GetTransactionStatus)',
  'C-17': 'ConfigurationInventory report',
  'C-44': 'boot answered Pending before Accepted',
  'C-45': 'GetVariables with several items',
  'C-46': 'SetVariables with several items',
  'C-50': 'FullInventory report',
  'C-50.1': 'FullInventory at onboarding',
  'C-50.2': 'FullInventory on a manual trigger',
});

// ---- Advanced Security ----
add(BOTH, CS, {
  'AS-2': 'extra root certificate check (AdditionalRootCertificateCheck)',
  'AS-3': 'certificate signing retry timing (CertSigningWaitMinimum, CertSigningRepeatTimes)',
});
add(V21, CS, {
  'AS-4': 'downgrade from security profile 3 to 2 (AllowSecurityProfileDowngrade)',
  'AS-4.1': 'refuses the 3 to 2 downgrade',
  'AS-4.2': 'allows the 3 to 2 downgrade',
});

// ---- Local Authorization List Management ----
add(V21, ROLES, { 'LA-0': 'local authorization list (gate)' });
add(BOTH, CS, {
  'LA-1': 'local list in use (LocalAuthListEnabled)',
  'LA-3': 'no re-check of invalid list tokens (LocalAuthListDisablePostAuthorize)',
});
add(BOTH, CSMS, { 'LA-2': 'GetLocalListVersion' });

// ---- Smart Charging ----
add(BOTH, CS, {
  'SC-2': 'charging rate units (ChargingScheduleChargingRateUnit)',
  'SC-2.1': 'rate unit A',
  'SC-2.2': 'rate unit W',
});
add(V21, CS, {
  'SC-5': 'local time in schedules (useLocalTime)',
  'SC-5.1': 'local time via TimeOffset',
  'SC-5.2': 'local time via TimeZone',
});
add(BOTH, CSMS, { 'SC-4': 'TxDefaultProfile on EVSE 0' });

// ---- Advanced Device Management ----
add(V21, ROLES, { 'DM-0': 'advanced device management (gate)' });
add(BOTH, CS, { 'DM-3': 'offline event queue by severity (OfflineMonitoringEventQueuingSeverity)' });

// ---- Reservation ----
add(V21, ROLES, { 'R-0': 'reservation (gate)', 'R-1': 'reserve by connector type' });
add(BOTH, CS, { 'R-2': 'reserve without naming an EVSE (ReservationNonEvseSpecific)' });
add(V201, CS, { 'R-3': 'reservations on (ReservationEnabled)' });
add(V21, CS, { 'R-3': 'reservations can be switched off (ReservationEnabled)' });
add(V201, CSMS, { 'R-1': 'reserve by connector type' });
add(BOTH, CSMS, { 'R-2': 'reserve without naming an EVSE' });

// ---- Payment (2.1) ----
add(V21, ROLES, { 'P-0': 'payment (gate)' });
add(V21, CS, {
  'P-1': 'tariff conditions',
  'P-2': 'payment options',
  'P-2.1': 'pay by prepaid card',
  'P-2.2': 'built-in payment terminal',
  'P-2.3': 'separate payment terminal',
  'P-2.4': 'pay by QR code',
});

// ---- Advanced User Interface ----
add(V21, ROLES, { 'UI-0': 'advanced user interface (gate)' });
add(BOTH, CS, {
  'UI-1': 'display message priorities (DisplayMessageSupportedPriorities)',
  'UI-1.1': 'priority AlwaysFront',
  'UI-1.2': 'priority InFront',
  'UI-1.3': 'priority NormalCycle',
  'UI-2': 'display message formats (DisplayMessageSupportedFormats)',
  'UI-2.1': 'format ASCII',
  'UI-2.2': 'format HTML',
  'UI-2.3': 'format URI',
  'UI-2.4': 'format UTF8',
});

// ---- ISO 15118 Support ----
add(V201, ROLES, { 'ISO-3': 'one certificate for OCPP and ISO 15118' });
add(BOTH, ROLES, { 'ISO-4': 'customer information by CustomerCertificate' });
add(BOTH, CS, { 'ISO-5': 'passes unverifiable contract certificates on (CentralContractValidationAllowed)' });
add(V21, CS, { 'ISO-1.1': 'ISO 15118-2', 'ISO-1.2': 'ISO 15118-20' });

// ---- Bidirectional Power Transfer (2.1) ----
add(V21, ROLES, { 'BPT-1': 'grid frequency support' });
add(V21, CS, { 'BPT-2': 'local load balancing (LocalLoadBalancing)' });

// ---- Additional questions: the same AQ number means different things per version and role ----
add(BOTH, CS, {
  'AQ-1': 'last CSMSRootCertificate can be removed',
  'AQ-2': 'cable lock before authorization',
  'AQ-3': 'last ChargingStationCertificate removable outside OCPP',
  'AQ-4': 'some NumberOfPhases value unsupported',
  'AQ-5': 'has a hardwired monitor (name it)',
  'AQ-6': 'has a preconfigured monitor (name it)',
  'AQ-7': 'firmware download during a transaction',
  'AQ-8': 'EVSE chosen before authorization',
  'AQ-9': 'IEC 61851-1 mode 3 charging',
});
add(V21, CS, {
  'AQ-10': 'Delta monitor on SecurityCtrlr.BasicAuthPassword',
  'AQ-11': 'one certificate for OCPP and ISO 15118',
  'AQ-18': 'station-side connector with a mechanical lock',
  'AQ-19': 'some language code unsupported',
  'AQ-20': 'more than one language',
});
add(V201, CSMS, {
  'AQ-1': 'CSMS can answer boot with Pending or Rejected',
  'AQ-2': 'FullInventory requested in boot cases',
  'AQ-6': 'CSMS refuses unknown stations at WebSocket setup',
});
add(V21, CSMS, {
  'AQ-12': 'FullInventory requested in boot cases',
  'AQ-13': 'absolute charging profiles (TxDefaultProfile, ChargingStationMaxProfile)',
  'AQ-14': 'recurring charging profiles (TxDefaultProfile, ChargingStationMaxProfile)',
  'AQ-16': 'CSMS refuses unknown stations at WebSocket setup',
  'AQ-17': 'CSMS can answer boot with Pending or Rejected',
});

// ---- Hardware ----
add(BOTH, HW, {
  'HFS-1': 'detachable cable',
  'HFS-2': 'fixed cable',
  'HFS-3': 'AC',
  'HFS-4': 'DC',
  'HFS-5': 'single phase',
  'HFS-6': 'two phases',
  'HFS-7': 'three phases',
  'HFS-8': 'number of EVSEs',
  'HFS-9': 'communication technology',
  'HFS-10': 'RFID readers',
});
add(V21, HW, {
  'HFS-11': 'DC power in kW',
  'HFS-12': 'number of displays',
  'HFS-13': 'battery swapping',
});

/** Our label for a Part 5 feature id, or null when the table has none. */
export function featureLabel(version: OcppVersion, scope: FeatureScope, id: string): string | null {
  return LABELS.get(key(version, scope, id)) ?? null;
}

/** The label to show: ours, or the id alone with a pointer to Part 5. */
export function featureLabelOrRef(version: OcppVersion, scope: FeatureScope, id: string): string {
  return featureLabel(version, scope, id) ?? `${id} (see Part 5)`;
}
