// Named faults of the reference CSMS. Each name is one deliberate deviation from correct CSMS behaviour, switched on
// at exactly one place in the simulator (search for the name in src/sim/csms to find it). The fault matrix uses them
// to prove that the CSMS-side test cases can actually fail.
import { FaultSet, isFaultIn } from '../common/fault-set.ts';
import { FAULTS as SECURITY_FAULTS } from './areas/security.ts';
import { FAULTS as PROVISIONING_FAULTS } from './areas/provisioning.ts';
import { FAULTS as AUTHORIZATION_FAULTS } from './areas/authorization.ts';
import { FAULTS as TRANSACTIONS_FAULTS } from './areas/transactions.ts';
import { FAULTS as METER_VALUES_FAULTS } from './areas/meter-values.ts';
import { FAULTS as REMOTE_CONTROL_FAULTS } from './areas/remote-control.ts';
import { FAULTS as AVAILABILITY_FAULTS } from './areas/availability.ts';
import { FAULTS as DATA_TRANSFER_FAULTS } from './areas/data-transfer.ts';
import { FAULTS as FIRMWARE_FAULTS } from './areas/firmware.ts';
import { FAULTS as CERTIFICATES_FAULTS } from './areas/certificates.ts';
import { FAULTS as DIAGNOSTICS_FAULTS } from './areas/diagnostics.ts';
import { FAULTS as LOCAL_LIST_FAULTS } from './areas/local-list.ts';
import { FAULTS as RESERVATION_FAULTS } from './areas/reservation.ts';
import { FAULTS as SMART_CHARGING_FAULTS } from './areas/smart-charging.ts';
import { FAULTS as MONITORING_FAULTS } from './areas/monitoring.ts';
import { FAULTS as DISPLAY_FAULTS } from './areas/display.ts';
import { FAULTS as TARIFF_COST_FAULTS } from './areas/tariff-cost.ts';
import { FAULTS as FIRMWARE_PUBLISH_FAULTS } from './areas/firmware-publish.ts';
import { FAULTS as CONTRACT_CERTIFICATE_FAULTS } from './areas/contract-certificates.ts';

/** Faults of the simulator's core (boot, heartbeat, RPC, transport); each area adds its own in areas/<area>.ts. */
const CORE_FAULTS = {
  'boot.wrongStatus': 'BootNotificationResponse.status is swapped: Accepted <-> Rejected, Pending -> Accepted',
  'boot.noInterval': 'BootNotificationResponse omits the required interval field (schema-invalid response)',
  'boot.zeroInterval': 'BootNotificationResponse.interval is 0 when Accepted',
  'boot.pendingSendsNothing': 'while a station is Pending the CSMS sends none of its configured provisioning requests',
  'boot.pendingNeverAccepts': 'a station that was told Pending is never Accepted afterwards',
  'boot.pendingAcceptsOtherRequests': 'while Pending, requests other than BootNotification are answered normally instead of with SecurityError',
  'boot.rejectedAcceptsOtherRequests': 'while Rejected, requests other than BootNotification are answered normally instead of with SecurityError',
  'heartbeat.badCurrentTime': 'HeartbeatResponse.currentTime carries 6 fractional digits instead of at most 3',
  'auth.blockedAsAccepted': 'a Blocked idToken is reported as Accepted (Authorize and TransactionEvent)',
  'auth.invalidAsAccepted': 'an Invalid or unknown idToken is reported as Accepted (Authorize and TransactionEvent)',
  'auth.expiredAsAccepted': 'an Expired idToken is reported as Accepted (Authorize and TransactionEvent)',
  'auth.noGroupIdToken': 'idTokenInfo never carries the configured groupIdToken',
  'tx.noIdTokenInfo': 'TransactionEventResponse omits idTokenInfo even when the request carried an idToken',
  'tx.ignoreSeqNoGap': 'missing TransactionEvent seqNo values are not detected or recorded',
  'tx.rejectSeqNoRestart': 'a TransactionEvent whose seqNo does not continue the station-wide count (e.g. a new transaction at 0) gets a CALLERROR',
  'rpc.neverAnswer': 'no station request is ever answered',
  'rpc.lateAnswer': 'every answer to a station request is delayed by timers.lateAnswerMs',
  'rpc.schemaInvalidResponse': 'every answer to a station request carries an extra property the schema forbids',
  'rpc.wrongCallErrorCode': 'a CALLERROR the CSMS sends uses GenericError instead of the right code (SecurityError, NotImplemented, ...)',
  'security.acceptWrongPassword': 'Basic Auth accepts any password (transport misbehaviour acceptAnyPassword)',
  'security.acceptForeignClientCert': 'security profile 3 does not check that the client certificate CN equals the identity',
  'subprotocol.chooseUnoffered': 'the WebSocket upgrade answers with a subprotocol the station did not offer',
  'subprotocol.acceptWithoutMatch': 'an upgrade offering no supported subprotocol is accepted (without a subprotocol) instead of refused',
  'subprotocol.refuseWithHttpError': 'an upgrade offering no supported subprotocol is refused with HTTP 400 instead of completed without a subprotocol and then closed',
  'variables.ignoreRejected': 'SetVariables results other than Accepted are treated as Accepted (stored value, BasicAuthPassword switch)',
  'variables.misspellNames': 'outgoing GetVariables/SetVariables requests lower-case the first letter of component and variable names',
  'variables.setTargetAttribute': 'outgoing SetVariables requests use attributeType Target',
  'report.negativeRequestId': 'outgoing GetBaseReport/GetReport requests use requestId -1',
  'report.wrongReportBase': 'outgoing GetBaseReport requests always ask for SummaryInventory',
  'reset.wrongType': 'outgoing Reset requests swap OnIdle and Immediate',
  'reset.withEvseId': 'outgoing Reset requests for the whole station carry evseId 1',
  'operator.ignoreTrigger': 'operator API requests are acknowledged as sent but nothing reaches the station',
} as const satisfies Record<string, string>;

type Descriptions = Readonly<Record<string, string>>;
type Merged<T extends readonly Descriptions[]> = T extends readonly [infer H, ...infer R extends readonly Descriptions[]] ? H & Merged<R> : unknown;

/** One registry from the core's and the areas' faults; a name defined twice would lose a meaning, so it is refused. */
function mergeFaults<T extends readonly Descriptions[]>(...parts: T): Merged<T> {
  const out: Record<string, string> = {};
  for (const part of parts) {
    for (const [name, description] of Object.entries(part)) {
      if (name in out) throw new Error(`CSMS fault ${name} is defined twice`);
      out[name] = description;
    }
  }
  return out as Merged<T>;
}

export const CSMS_FAULTS = mergeFaults(
  CORE_FAULTS,
  SECURITY_FAULTS,
  PROVISIONING_FAULTS,
  AUTHORIZATION_FAULTS,
  TRANSACTIONS_FAULTS,
  METER_VALUES_FAULTS,
  REMOTE_CONTROL_FAULTS,
  AVAILABILITY_FAULTS,
  DATA_TRANSFER_FAULTS,
  FIRMWARE_FAULTS,
  CERTIFICATES_FAULTS,
  DIAGNOSTICS_FAULTS,
  LOCAL_LIST_FAULTS,
  RESERVATION_FAULTS,
  SMART_CHARGING_FAULTS,
  MONITORING_FAULTS,
  DISPLAY_FAULTS,
  TARIFF_COST_FAULTS,
  FIRMWARE_PUBLISH_FAULTS,
  CONTRACT_CERTIFICATE_FAULTS,
);

export type CsmsFaultName = keyof typeof CSMS_FAULTS;

export { UnknownFaultError } from '../common/fault-set.ts';

export function isCsmsFault(name: string): name is CsmsFaultName {
  return isFaultIn(CSMS_FAULTS, name);
}

/** The active CSMS faults. */
export class CsmsFaultSet extends FaultSet<CsmsFaultName> {
  constructor(names: readonly string[] = []) {
    super(CSMS_FAULTS, names, (unknown, valid) => `unknown CSMS fault${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Valid faults: ${valid.join(', ')}`);
  }
}
