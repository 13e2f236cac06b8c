// The small station the test system plays when the SUT is a CSMS: EVSEs/connectors, a device model with the variables
// Part 6 cases touch, and the running transaction with its seqNo. Only what the engine needs to answer a CSMS sensibly.
import { randomUUID } from 'node:crypto';
import type { EngineSettings } from './settings.ts';

export type Mutability = 'ReadOnly' | 'ReadWrite' | 'WriteOnly';

export interface DmVariable {
  component: string;
  variable: string;
  value: string;
  mutability: Mutability;
  dataType: 'string' | 'decimal' | 'integer' | 'dateTime' | 'boolean' | 'OptionList' | 'SequenceList' | 'MemberList';
  valuesList?: string;
}

export interface ModelTransaction {
  id: string;
  evseId: number;
  connectorId: number;
  nextSeqNo: number;
  chargingState: string;
  idToken?: { idToken: string; type: string } | undefined;
  started: boolean;
}

/** The values TxStartPoint and TxStopPoint may list. */
const TX_POINTS = 'ParkingBayOccupancy,EVConnected,Authorized,DataSigned,PowerPathClosed,EnergyTransfer';

export class StationModel {
  readonly connectorStatus = new Map<string, string>();
  readonly variables: DmVariable[];
  tx: ModelTransaction | undefined;
  /** A Reset OnIdle that waits for the transaction to end. */
  scheduledReset: 'OnIdle' | undefined;
  evConnected = false;
  private eventSeq = 0;

  constructor(readonly settings: EngineSettings) {
    for (const e of settings.evses) for (const c of e.connectors) this.connectorStatus.set(`${e.id}/${c.id}`, 'Available');
    this.variables = [
      { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: '300', mutability: 'ReadWrite', dataType: 'integer' },
      { component: 'OCPPCommCtrlr', variable: 'HeartbeatInterval', value: String(settings.heartbeatIntervalS), mutability: 'ReadWrite', dataType: 'integer' },
      { component: 'OCPPCommCtrlr', variable: 'MessageAttemptInterval', value: '10', mutability: 'ReadWrite', dataType: 'integer' },
      { component: 'OCPPCommCtrlr', variable: 'MessageAttempts', value: '3', mutability: 'ReadWrite', dataType: 'integer' },
      { component: 'OCPPCommCtrlr', variable: 'ResetRetries', value: '2', mutability: 'ReadWrite', dataType: 'integer' },
      { component: 'AuthCtrlr', variable: 'LocalAuthorizeOffline', value: 'true', mutability: 'ReadWrite', dataType: 'boolean' },
      { component: 'AuthCtrlr', variable: 'LocalPreAuthorize', value: 'false', mutability: 'ReadWrite', dataType: 'boolean' },
      { component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart', value: 'false', mutability: 'ReadWrite', dataType: 'boolean' },
      { component: 'AuthCtrlr', variable: 'Enabled', value: 'true', mutability: 'ReadWrite', dataType: 'boolean' },
      { component: 'TxCtrlr', variable: 'TxStartPoint', value: 'EVConnected,Authorized', mutability: 'ReadWrite', dataType: 'MemberList', valuesList: TX_POINTS },
      { component: 'TxCtrlr', variable: 'TxStopPoint', value: 'EVConnected', mutability: 'ReadWrite', dataType: 'MemberList', valuesList: TX_POINTS },
      { component: 'TxCtrlr', variable: 'EVConnectionTimeOut', value: '60', mutability: 'ReadWrite', dataType: 'integer' },
      { component: 'SecurityCtrlr', variable: 'SecurityProfile', value: '1', mutability: 'ReadOnly', dataType: 'integer' },
      { component: 'SecurityCtrlr', variable: 'Identity', value: '', mutability: 'ReadOnly', dataType: 'string' },
      // The organisation a station puts in the CSRs it sends (Part 2: from SecurityCtrlr.OrganizationName); a CSMS
      // may require it. Ours is the configured vendor unless the CSMS sets another.
      { component: 'SecurityCtrlr', variable: 'OrganizationName', value: settings.vendorName, mutability: 'ReadWrite', dataType: 'string' },
      { component: 'DeviceDataCtrlr', variable: 'ItemsPerMessage', value: '50', mutability: 'ReadOnly', dataType: 'integer' },
      { component: 'DeviceDataCtrlr', variable: 'BytesPerMessage', value: '65000', mutability: 'ReadOnly', dataType: 'integer' },
      { component: 'SampledDataCtrlr', variable: 'TxUpdatedInterval', value: '0', mutability: 'ReadWrite', dataType: 'integer' },
    ];
  }

  find(component: string, variable: string): DmVariable | undefined {
    return this.variables.find((v) => v.component === component && v.variable === variable);
  }

  hasComponent(component: string): boolean {
    return this.variables.some((v) => v.component === component);
  }

  nextEventId(): number {
    this.eventSeq += 1;
    return this.eventSeq;
  }

  /** Opens a transaction if none runs. */
  ensureTransaction(): ModelTransaction {
    this.tx ??= {
      id: randomUUID(),
      evseId: this.settings.evseId,
      connectorId: this.settings.connectorId,
      nextSeqNo: 0,
      chargingState: 'Idle',
      started: false,
    };
    return this.tx;
  }
}
