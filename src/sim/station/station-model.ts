// The reference station's concrete device model: the components and variables it implements, with their defaults.
// Values the station derives from its live state are read through the `live` callbacks.

import { DeviceModel, type VariableSpec } from './device-model.ts';

export const TX_POINTS = ['ParkingBayOccupancy', 'EVConnected', 'Authorized', 'DataSigned', 'PowerPathClosed', 'EnergyTransfer'] as const;
export type TxPoint = (typeof TX_POINTS)[number];

export const SUPPORTED_MEASURANDS = [
  'Energy.Active.Import.Register',
  'Power.Active.Import',
  'Current.Import',
  'Voltage',
  'SoC',
  'Current.Offered',
] as const;

export const AVAILABILITY_STATES = ['Available', 'Occupied', 'Reserved', 'Unavailable', 'Faulted'];

export interface StationModelConfig {
  identity: string;
  securityProfile: number;
  vendorName: string;
  model: string;
  evses: number[]; // connector count per EVSE, index 0 = EVSE 1
  txStartPoint: string[];
  txStopPoint: string[];
  measurands: string[];
  heartbeatIntervalS: number;
  offlineThresholdS: number;
  /** OCPPCommCtrlr.MessageTimeout: how long the station really waits for an answer to its CALLs (seconds). */
  messageTimeoutS?: number;
  txUpdatedIntervalS: number;
  itemsPerMessage: { getReport: number; getVariables: number; setVariables: number };
  bytesPerMessage: { getReport: number; getVariables: number; setVariables: number };
}

export interface StationLive {
  stationAvailability(): string;
  evseAvailability(evseId: number): string;
  connectorAvailability(evseId: number, connectorId: number): string;
  evseAvailable(evseId: number): boolean;
  connectorAvailable(evseId: number, connectorId: number): boolean;
  stationAvailable(): boolean;
  now(): string;
}

export function buildStationModel(cfg: StationModelConfig, live: StationLive): DeviceModel {
  const dm = new DeviceModel();
  const d = (spec: VariableSpec): void => dm.define(spec);
  const ro = (component: string, name: string, dataType: VariableSpec['dataType'], value: string, extra: Partial<VariableSpec> = {}, instance?: string): void =>
    d({ component: { name: component }, variable: instance ? { name, instance } : { name }, dataType, mutability: 'ReadOnly', value, ...extra });
  const rw = (component: string, name: string, dataType: VariableSpec['dataType'], value: string, extra: Partial<VariableSpec> = {}, instance?: string): void =>
    d({ component: { name: component }, variable: instance ? { name, instance } : { name }, dataType, mutability: 'ReadWrite', value, ...extra });

  // Charging infrastructure.
  d({ component: { name: 'ChargingStation' }, variable: { name: 'AvailabilityState' }, dataType: 'OptionList', mutability: 'ReadOnly', compute: () => live.stationAvailability(), valuesList: AVAILABILITY_STATES });
  d({ component: { name: 'ChargingStation' }, variable: { name: 'Available' }, dataType: 'boolean', mutability: 'ReadOnly', compute: () => String(live.stationAvailable()) });
  ro('ChargingStation', 'SupplyPhases', 'integer', '3', { minLimit: 0, maxLimit: 3 });
  ro('ChargingStation', 'Model', 'string', cfg.model);
  ro('ChargingStation', 'VendorName', 'string', cfg.vendorName);
  // C-20: new sessions while a firmware update waits for transactions to end (read by the firmware area, L01.FR.07).
  rw('ChargingStation', 'AllowNewSessionsPendingFirmwareUpdate', 'boolean', 'false');
  cfg.evses.forEach((connectors, index) => {
    const evseId = index + 1;
    const evse = { id: evseId };
    d({ component: { name: 'EVSE', evse }, variable: { name: 'AvailabilityState' }, dataType: 'OptionList', mutability: 'ReadOnly', compute: () => live.evseAvailability(evseId), valuesList: AVAILABILITY_STATES });
    d({ component: { name: 'EVSE', evse }, variable: { name: 'Available' }, dataType: 'boolean', mutability: 'ReadOnly', compute: () => String(live.evseAvailable(evseId)) });
    d({ component: { name: 'EVSE', evse }, variable: { name: 'Power' }, dataType: 'decimal', mutability: 'ReadOnly', value: '22000', unit: 'W', maxLimit: 22000 });
    d({ component: { name: 'EVSE', evse }, variable: { name: 'SupplyPhases' }, dataType: 'integer', mutability: 'ReadOnly', value: '3', minLimit: 0, maxLimit: 3 });
    for (let c = 1; c <= connectors; c++) {
      const ref = { id: evseId, connectorId: c };
      d({ component: { name: 'Connector', evse: ref }, variable: { name: 'AvailabilityState' }, dataType: 'OptionList', mutability: 'ReadOnly', compute: () => live.connectorAvailability(evseId, c), valuesList: AVAILABILITY_STATES });
      d({ component: { name: 'Connector', evse: ref }, variable: { name: 'Available' }, dataType: 'boolean', mutability: 'ReadOnly', compute: () => String(live.connectorAvailable(evseId, c)) });
      d({ component: { name: 'Connector', evse: ref }, variable: { name: 'ConnectorType' }, dataType: 'string', mutability: 'ReadOnly', value: 'cType2' });
      d({ component: { name: 'Connector', evse: ref }, variable: { name: 'SupplyPhases' }, dataType: 'integer', mutability: 'ReadOnly', value: '3', minLimit: 0, maxLimit: 3 });
    }
  });

  // DeviceDataCtrlr: message size limits.
  for (const [inst, key] of [['GetReport', 'getReport'], ['GetVariables', 'getVariables'], ['SetVariables', 'setVariables']] as const) {
    ro('DeviceDataCtrlr', 'ItemsPerMessage', 'integer', String(cfg.itemsPerMessage[key]), { minLimit: 1 }, inst);
    ro('DeviceDataCtrlr', 'BytesPerMessage', 'integer', String(cfg.bytesPerMessage[key]), { minLimit: 1 }, inst);
  }
  ro('DeviceDataCtrlr', 'ValueSize', 'integer', '1000');
  ro('DeviceDataCtrlr', 'ReportingValueSize', 'integer', '2500');

  // OCPPCommCtrlr.
  rw('OCPPCommCtrlr', 'HeartbeatInterval', 'integer', String(cfg.heartbeatIntervalS), { unit: 's', minLimit: 1 });
  rw('OCPPCommCtrlr', 'OfflineThreshold', 'integer', String(cfg.offlineThresholdS), { unit: 's', minLimit: 0 });
  // ReadOnly: the message timeout comes with the network connection profile (SetNetworkProfile), not SetVariables.
  ro('OCPPCommCtrlr', 'MessageTimeout', 'integer', String(cfg.messageTimeoutS ?? 30), { unit: 's', minLimit: 1 }, 'Default');
  rw('OCPPCommCtrlr', 'MessageAttemptInterval', 'integer', '10', { unit: 's', minLimit: 0 }, 'TransactionEvent');
  rw('OCPPCommCtrlr', 'MessageAttempts', 'integer', '3', { minLimit: 0 }, 'TransactionEvent');
  rw('OCPPCommCtrlr', 'NetworkConfigurationPriority', 'string', '0', { rebootRequired: true });
  rw('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts', 'integer', '3', { minLimit: 1 });
  rw('OCPPCommCtrlr', 'ResetRetries', 'integer', '2', { minLimit: 0 });
  rw('OCPPCommCtrlr', 'UnlockOnEVSideDisconnect', 'boolean', 'true');
  rw('OCPPCommCtrlr', 'WebSocketPingInterval', 'integer', '0', { unit: 's', minLimit: 0 });
  ro('OCPPCommCtrlr', 'FileTransferProtocols', 'MemberList', 'HTTP,HTTPS', { valuesList: ['FTP', 'FTPS', 'HTTP', 'HTTPS', 'SFTP'] });

  // SecurityCtrlr.
  ro('SecurityCtrlr', 'SecurityProfile', 'integer', String(cfg.securityProfile), { minLimit: 0, maxLimit: 3 });
  ro('SecurityCtrlr', 'Identity', 'string', cfg.identity, { maxLimit: 48 });
  rw('SecurityCtrlr', 'OrganizationName', 'string', 'Conformance Lab', { maxLimit: 64 });
  ro('SecurityCtrlr', 'CertificateEntries', 'integer', '0');
  ro('SecurityCtrlr', 'AdditionalRootCertificateCheck', 'boolean', 'true');
  d({ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, dataType: 'string', mutability: 'WriteOnly', value: '', minLength: 16, maxLimit: 40 });

  // ClockCtrlr.
  d({ component: { name: 'ClockCtrlr' }, variable: { name: 'DateTime' }, dataType: 'dateTime', mutability: 'ReadOnly', compute: () => live.now() });
  rw('ClockCtrlr', 'TimeSource', 'SequenceList', 'Heartbeat', { valuesList: ['Heartbeat', 'NTP', 'GPS', 'RealTimeClock', 'MobileNetwork', 'RadioTimeTransmitter'] });
  rw('ClockCtrlr', 'NextTimeOffsetTransitionDateTime', 'dateTime', '2030-01-01T00:00:00.000Z');

  // AuthCtrlr / AuthCacheCtrlr.
  rw('AuthCtrlr', 'Enabled', 'boolean', 'true');
  rw('AuthCtrlr', 'AuthorizeRemoteStart', 'boolean', 'false');
  rw('AuthCtrlr', 'LocalAuthorizeOffline', 'boolean', 'true');
  rw('AuthCtrlr', 'LocalPreAuthorize', 'boolean', 'false');
  rw('AuthCtrlr', 'OfflineTxForUnknownIdEnabled', 'boolean', 'false');
  rw('AuthCacheCtrlr', 'Enabled', 'boolean', 'true');
  rw('AuthCacheCtrlr', 'LifeTime', 'integer', '86400', { unit: 's', minLimit: 1 });
  ro('AuthCacheCtrlr', 'Storage', 'integer', '65536', { unit: 'B' });
  rw('AuthCacheCtrlr', 'Policy', 'OptionList', 'LRU', { valuesList: ['LRU', 'LFU', 'FIFO', 'CUSTOM'] });
  ro('AuthCacheCtrlr', 'Available', 'boolean', 'true');
  rw('AuthCacheCtrlr', 'DisablePostAuthorize', 'boolean', 'false');
  rw('AuthCtrlr', 'MasterPassGroupId', 'string', '', { maxLimit: 36 });
  rw('AuthCtrlr', 'DisableRemoteAuthorization', 'boolean', 'false');

  // TxCtrlr.
  const txValues = [...TX_POINTS];
  rw('TxCtrlr', 'EVConnectionTimeOut', 'integer', '60', { unit: 's', minLimit: 0 });
  rw('TxCtrlr', 'StopTxOnEVSideDisconnect', 'boolean', 'true');
  rw('TxCtrlr', 'StopTxOnInvalidId', 'boolean', 'true');
  rw('TxCtrlr', 'MaxEnergyOnInvalidId', 'integer', '0', { unit: 'Wh', minLimit: 0 });
  rw('TxCtrlr', 'TxStartPoint', 'MemberList', cfg.txStartPoint.join(','), { valuesList: txValues });
  rw('TxCtrlr', 'TxStopPoint', 'MemberList', cfg.txStopPoint.join(','), { valuesList: txValues });

  // SampledDataCtrlr / AlignedDataCtrlr.
  const measurands = [...SUPPORTED_MEASURANDS];
  const m = cfg.measurands.join(',');
  rw('SampledDataCtrlr', 'Enabled', 'boolean', 'true');
  rw('SampledDataCtrlr', 'TxStartedMeasurands', 'MemberList', m, { valuesList: measurands, emptyAllowed: true });
  rw('SampledDataCtrlr', 'TxUpdatedMeasurands', 'MemberList', m, { valuesList: measurands, emptyAllowed: true });
  rw('SampledDataCtrlr', 'TxEndedMeasurands', 'MemberList', m, { valuesList: measurands, emptyAllowed: true });
  rw('SampledDataCtrlr', 'TxUpdatedInterval', 'integer', String(cfg.txUpdatedIntervalS), { unit: 's', minLimit: 0 });
  rw('SampledDataCtrlr', 'TxEndedInterval', 'integer', '0', { unit: 's', minLimit: 0 });
  rw('AlignedDataCtrlr', 'Enabled', 'boolean', 'false');
  rw('AlignedDataCtrlr', 'Interval', 'integer', '0', { unit: 's', minLimit: 0 });
  rw('AlignedDataCtrlr', 'Measurands', 'MemberList', 'Energy.Active.Import.Register', { valuesList: measurands, emptyAllowed: true });
  rw('AlignedDataCtrlr', 'TxEndedInterval', 'integer', '0', { unit: 's', minLimit: 0 });
  rw('AlignedDataCtrlr', 'TxEndedMeasurands', 'MemberList', 'Energy.Active.Import.Register', { valuesList: measurands, emptyAllowed: true });
  rw('AlignedDataCtrlr', 'SendDuringIdle', 'boolean', 'false');
  rw('SampledDataCtrlr', 'SignReadings', 'boolean', 'false');
  rw('AlignedDataCtrlr', 'SignReadings', 'boolean', 'false');
  rw('OCPPCommCtrlr', 'PublicKeyWithSignedMeterValue', 'OptionList', 'EveryMeterValue', { valuesList: ['Never', 'EveryMeterValue'] });

  return dm;
}
