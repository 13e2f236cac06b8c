// What the reference Charging Station implements, as a PICS: the Part 5 features the conditional Core cases of a
// station ask about. Runs against the built-in station use it, so every C case's condition is decided (and shown).
// A stream that makes the station support (or deliberately not support) a feature flips its line here.
// Where Part 5 offers mutually exclusive behaviours (C-06.1/C-06.2, C-12.1/C-12.2, HFS-1/HFS-2, C-56 vs TC_B_15),
// the value says which one the reference station has; the cases of the other one are NOT_APPLICABLE against it.
import type { OmittedFeature } from './types.ts';

export const REFERENCE_STATION_PICS = {
  role: 'ChargingStation',
  features: {
    'AQ-1': true, // the last CSMSRootCertificate can be removed (DeleteCertificate has no guard; over SP1 it starts with none)
    'AQ-2': false, // no cable lock that keeps the driver from plugging in before authorization
    'AQ-7': true, // downloads firmware while a transaction runs
    'AQ-8': false, // no EVSE selection is enforced before authorization
    'AQ-9': true, // charges using IEC 61851-1 (Mode 3)
    'AS-2': true, // AdditionalRootCertificateCheck
    'C-01': true, // offline authorization of transactions
    'C-02': true, // offline authorization for unknown ids (OfflineTxForUnknownIdEnabled)
    'C-03': true, // MaxEnergyOnInvalidId
    'C-06.1': false, // authorization kept when the cable is disconnected on the EV side
    'C-06.2': true, // authorization not kept when the cable is disconnected on the EV side
    'C-07': false, // master pass with a UI
    'C-08': true, // master pass without a UI
    'C-09.1': true, // TxStartPoint EVConnected
    'C-09.2': true, // TxStartPoint Authorized
    'C-09.3': true, // TxStartPoint DataSigned
    'C-09.4': true, // TxStartPoint PowerPathClosed
    'C-09.5': true, // TxStartPoint EnergyTransfer
    'C-09.6': true, // TxStartPoint ParkingBayOccupancy
    'C-10.1': true, // TxStopPoint EVConnected
    'C-10.2': true, // TxStopPoint Authorized
    'C-10.3': true, // TxStopPoint PowerPathClosed
    'C-10.4': true, // TxStopPoint EnergyTransfer
    'C-10.5': true, // TxStopPoint ParkingBayOccupancy
    'C-12.1': true, // connector unlocked when the cable is disconnected on the EV side
    'C-12.2': false, // connector kept locked when the cable is disconnected on the EV side
    'C-13': true, // Reset of a single EVSE
    'C-14': true, // customer information by customerIdentifier
    'C-16': true, // GetTransactionStatus
    'C-20': true, // new sessions allowed while a firmware update is pending
    'C-28': true, // clock-aligned meter values toggled between transaction and idle
    'C-29.1': true, // TriggerMessage MeterValues
    'C-29.2': true, // TriggerMessage TransactionEvent
    'C-29.3': true, // TriggerMessage LogStatusNotification
    'C-29.4': true, // TriggerMessage FirmwareStatusNotification
    'C-29.5': true, // TriggerMessage StatusNotification
    'C-29.6': true, // TriggerMessage BootNotification
    'C-30': true, // authorization with ISO 14443 cards
    'C-31': false, // ISO 15693 cards
    'C-32': false, // key codes
    'C-34': false, // MAC address
    'C-35': true, // NoAuthorization
    'C-36': true, // remote start: ISO 14443
    'C-39': true, // remote start: NoAuthorization
    'C-40': true, // the configured measurands are supported
    'C-42': true, // signed meter values
    'C-43': true, // firmware installed while transactions run
    'C-47': true, // falls back to the default reconnection mechanism
    'C-48.1': true, // remote start with authorization (AuthorizeRemoteStart true)
    'C-48.2': true, // remote start without authorization (AuthorizeRemoteStart false)
    'C-49': true, // authorization cache
    'C-51': true, // configurable TxStartPoint
    'C-52': true, // configurable TxStopPoint
    'C-53': true, // AuthCacheLifeTime
    'C-56': true, // SummaryInventory report
    'C-57': true, // cancelling a log upload
    'C-58': true, // DisableRemoteAuthorization
    'C-59': true, // no remote authorization for cached invalid idTokens
    'C-60': true, // cancelling a firmware update
    'HFS-1': true, // detachable cable (socket outlet)
    'HFS-2': false, // fixed cable
    'HFS-4': false, // DC
    'ISO-3': false, // combined OCPP / ISO 15118 certificate
  },
  facts: { numberOfEvses: 2 },
  notes: 'PICS of the built-in reference Charging Station (src/sim/station).',
} as const;

/**
 * Variants of the reference station that leave optional features out (StationSimOptions.omit), each with the PICS
 * lines it changes: the conditional cases about a station WITHOUT a feature run against a variant (self-test).
 */
export const REFERENCE_STATION_VARIANTS = {
  // No reset of a single EVSE (TC_B_28, TC_B_29) and no SummaryInventory report (TC_B_15).
  reduced: { omit: ['evseReset', 'summaryInventory'], features: { 'C-13': false, 'C-56': false } },
  // A cable lock keeps the EV out until a driver is authorized (TC_C_05).
  cableLock: { omit: ['plugInBeforeAuthorization'], features: { 'AQ-2': true } },
  // A user interface for the master pass: the holder selects the transactions to stop (TC_C_47, TC_C_48).
  masterPassUi: { omit: ['masterPassWithoutUi'], features: { 'C-07': true, 'C-08': false } },
  // Cannot cancel a running firmware update (TC_L_11).
  noFirmwareCancel: { omit: ['firmwareCancel'], features: { 'C-60': false } },
  // Neither downloads nor installs firmware while a transaction runs (TC_L_13; with two EVSEs TC_L_12).
  firmwareWaitsForTransactions: { omit: ['firmwareDownloadDuringTransaction', 'firmwareInstallDuringTransaction'], features: { 'C-43': false, 'AQ-7': false } },
  // Downloads while a transaction runs, installs only after (TC_L_15; with two EVSEs TC_L_14).
  firmwareInstallWaitsForTransactions: { omit: ['firmwareInstallDuringTransaction'], features: { 'C-43': false } },
} as const satisfies Record<string, { omit: readonly OmittedFeature[]; features: Record<string, boolean> }>;

export type ReferenceStationVariant = keyof typeof REFERENCE_STATION_VARIANTS;

/**
 * The variant each of those cases is about: `run --sim` and the self-test start the case's station as that variant
 * (with its PICS); a run against the plain reference station finds them NOT_APPLICABLE by its PICS.
 */
export const VARIANT_OF_CASE: Readonly<Record<string, ReferenceStationVariant>> = {
  TC_B_15_CS: 'reduced',
  TC_B_28_CS: 'reduced',
  TC_B_29_CS: 'reduced',
  TC_C_05_CS: 'cableLock',
  TC_C_47_CS: 'masterPassUi',
  TC_C_48_CS: 'masterPassUi',
  TC_L_11_CS: 'noFirmwareCancel',
  TC_L_13_CS: 'firmwareWaitsForTransactions',
  TC_L_15_CS: 'firmwareInstallWaitsForTransactions',
  TC_L_12_CS: 'firmwareWaitsForTransactions',
  TC_L_14_CS: 'firmwareInstallWaitsForTransactions',
};
