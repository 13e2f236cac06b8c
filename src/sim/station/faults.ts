// Named faults of the reference Charging Station. Each entry is a switch read at exactly one place in the simulator,
// so a fault changes one observable behaviour and nothing else. The fault matrix of the self-test relies on that.
import { FaultSet, isFaultIn } from '../common/fault-set.ts';

export const STATION_FAULTS = {
  'boot.omitVendorName': 'BootNotification carries no chargingStation.vendorName (schema-invalid request).',
  'boot.omitFirmwareVersion': 'BootNotification leaves out the optional chargingStation.firmwareVersion.',
  'boot.wrongReason': 'BootNotification always says PowerUp, also after a reset or a TriggerMessage.',
  'boot.ignorePending': 'A Pending boot is treated like Accepted: status, events and heartbeats are sent anyway.',
  'boot.noRetryAfterRejected': 'After a Rejected boot the station never sends BootNotification again.',
  'boot.retryTooEarly': 'After Rejected/Pending the station retries the boot at a tenth of the interval it was given.',
  'pending.acceptRemoteStart': 'RequestStartTransaction is Accepted while the boot is still Pending.',
  'heartbeat.never': 'No Heartbeat is ever sent.',
  'status.skipConnector': 'The last connector of the last EVSE is never reported with StatusNotification/NotifyEvent.',
  'status.noNotifyEvent': 'Connector status changes are reported by StatusNotification only, without NotifyEvent.',
  'security.noStartupEvent': 'No SecurityEventNotification is sent after (re)boot.',
  'tx.seqNoGap': 'TransactionEvent seqNo skips one number after the Started event.',
  'tx.wrongTriggerReason': 'Every TransactionEvent says triggerReason Trigger.',
  'tx.noEndedOnReset': 'An Immediate reset reboots without closing running transactions (no Ended event).',
  'getvariables.acceptReadOnlyWrite': 'SetVariables on a ReadOnly variable answers Accepted (value unchanged).',
  'getvariables.unknownAsAccepted': 'Get/SetVariables for an unknown component or variable answers Accepted.',
  'getvariables.dropAttributeType': 'GetVariables results leave out attributeType.',
  'getvariables.onlyFirst': 'GetVariables answers only the first requested item.',
  'setvariables.notApplied': 'SetVariables answers Accepted but keeps the old value.',
  'setvariables.rejectValid': 'SetVariables answers Rejected for a valid value of a writable variable.',
  'setvariables.onlyFirst': 'SetVariables answers only the first requested item.',
  'report.noNotifyReport': 'GetBaseReport is Accepted but no NotifyReport follows.',
  'report.wrongSeqNo': 'NotifyReport seqNo starts at 1 instead of 0.',
  'report.readOnlyInConfiguration': 'ConfigurationInventory also lists ReadOnly variables.',
  'report.noCharacteristics': 'NotifyReport entries carry no variableCharacteristics.',
  'report.noInfrastructure': 'A FullInventory report leaves out the ChargingStation, EVSE and Connector components.',
  'reset.ignoreOnIdle': 'Reset OnIdle during a transaction reboots at once instead of waiting for the transaction to end.',
  'reset.noReboot': 'Reset is answered but the station never reboots.',
  'rpc.schemaInvalidResponse': 'Responses to the CSMS are sent with an extra property that the schemas forbid.',
  'rpc.neverAnswer': 'Requests from the CSMS are never answered.',
  'rpc.lateAnswer': 'Requests from the CSMS are answered after lateAnswerMs (default 35 s).',
  'rpc.concurrentCall': 'The station sends a second CALL before the response to the first one arrived.',
  'rpc.wrongCallErrorCode': 'Requests for actions the station does not support get CALLERROR GenericError instead of NotSupported.',
  'subprotocol.wrong': 'The WebSocket handshake offers only an unknown subprotocol.',
  'auth.wrongPassword': 'Basic Auth is sent with a wrong password.',
} as const satisfies Record<string, string>;

export type StationFault = keyof typeof STATION_FAULTS;

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
