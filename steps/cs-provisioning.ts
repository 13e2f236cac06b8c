// Steps of the provisioning cases (block B, SUT = Charging Station): boot, connector status at boot, reports.
// One line each, calling src/runner/ops/cs-provisioning.ts. A new block's station steps go in steps/cs-<area>.ts.
import * as op from '../src/runner/ops/cs-provisioning.ts';
import * as formats from '../src/runner/ops/cs-variable-formats.ts';
import * as reset from '../src/runner/ops/cs-reset.ts';
import * as network from '../src/runner/ops/cs-network-profile.ts';
import * as offline from '../src/runner/ops/cs-offline.ts';
import * as migration from '../src/runner/ops/cs-network-migration.ts';
import * as reconnect from '../src/runner/ops/cs-reconnect.ts';
import * as fallback from '../src/runner/ops/cs-network-fallback.ts';
import { asCs } from '../src/runner/roles.ts';
import { unplugAfterEnd } from '../src/states/cs.ts';
import { step, str } from './step.ts';

step('the Charging Station reports every connector as {string}', (c, s) => op.stationReportsConnectors(c, str(s), str(s), false));
step('the Charging Station reports the configured connector as {string} while the EV is plugged in, and every other connector as {string}', (c, a, b) =>
  op.stationReportsConnectors(c, str(a), str(b), true),
);
step('the Charging Station reports the configured connector as {string} and every other connector as {string}', (c, a, b) => op.stationReportsConnectors(c, str(a), str(b), false));
step('between the last two BootNotificationRequests the Charging Station sent no requests but {string}', (c, l) => op.quietBetweenBoots(c, str(l)));
step('the Charging Station waited at least the given interval before repeating its BootNotificationRequest', (c) => op.bootRetryRespected(c));
step('the Charging Station sends the BootNotificationRequest the TriggerMessageRequest asked for', (c) => op.triggeredBoot(c));
step('the Charging Station sends its report in NotifyReportRequests', (c) => op.stationSendsReport(c));
step('the Charging Station refuses the {request} with a CALLERROR {word}', (c, a, code) => op.stationRefusesWithCallError(c, str(a), str(code)));
step('the test system writes each test value to the {word} variable {string} and the Charging Station refuses the ill-formed ones', (c, t, n) =>
  formats.writeTestValues(c, str(t), str(n), false),
);
step('if the Charging Station has the read-write {word} variable {string}, it refuses the ill-formed test values written to it', (c, t, n) =>
  formats.writeTestValues(c, str(t), str(n), true),
);
step('the EV is unplugged and the Charging Station reports the configured connector as "Available"', (c) => unplugAfterEnd(asCs(c, 'unplug the EV')));
step('the transaction on each configured EVSE is stopped in turn, the last one only until it has ended', (c) => reset.stopEveryEvseInTurn(c));
step('the Charging Station reports the connector of each EV still plugged in as "Occupied" and every other connector as "Available"', (c) => reset.reportsAsLeft(c));
step('every EV still plugged in is unplugged', (c) => reset.unplugEveryEv(c));
step('the test system notes the connection data the Charging Station uses', (c) => network.rememberConnectionData(c));
step('for this case the Charging Station variable {string} is set to {string} if implemented', (c, n, v) => offline.setForThisCase(c, str(n), str(v)));
step('the test system closes the connection and refuses the Charging Station\'s reconnection attempts', (c) => offline.dropAndRefuse(c));
step('the EV is plugged in at the configured connector while the Charging Station is offline', (c) => offline.plugInWhileOffline(c));
step('the test system accepts the Charging Station\'s next reconnection attempt', (c) => offline.acceptReconnection(c, false));
step('the test system accepts the Charging Station\'s next reconnection attempt after its OfflineThreshold has passed', (c) => offline.acceptReconnection(c, true));
step('after reconnecting the Charging Station reports the configured connector as {string}', (c, s) => offline.reportsConfiguredConnector(c, str(s)));
step('the test system prepares a second connection profile in the slot not in use', (c) => network.prepareSecondProfile(c));
step('the test system sends a ResetRequest OnIdle if the Charging Station needs one to use the new priority, and it is Accepted', (c) => network.resetIfNeeded(c));
step('the Charging Station is connected with the new connection profile', (c) => network.connectedWithNewProfile(c));
step('the test system prepares a connection profile with a lower security profile in the slot not in use', (c) => network.prepareLowerProfile(c));
step('the test system turns away every connection attempt with the new connection profile', (c) => network.refuseNewProfile(c));
step('the Charging Station tries the new connection profile NetworkProfileConnectionAttempts times, then connects with the previous one', (c) => network.fallsBackAfterAttempts(c));
// TC_B_47/B_50_CS: migration to a new CSMS with a new CSMS root (src/runner/ops/cs-network-migration.ts).
step('the test system plays a new CSMS at a second connection profile, with a server certificate signed by the configured CSMSRootCertificate', (c) => migration.serveNewCsms(c, 'new'));
step('the test system plays a new CSMS at a second connection profile, with its server certificate signed by the old CSMS root', (c) => migration.serveNewCsms(c, 'old'));
step('the Charging Station is connected with the new connection profile, through the new CSMS root', (c) => migration.migratedThroughNewRoot(c));
step('the Charging Station connects again with its previous connection profile', (c) => migration.connectsWithPreviousProfile(c));
step('the test system closes the connection and accepts the Charging Station\'s reconnection, which comes no earlier than its RetryBackOffWaitMinimum', (c) => reconnect.dropAndAcceptAfterMinimum(c));
step('the test system closes the connection and turns away the Charging Station\'s next reconnection attempt', (c) => reconnect.dropAndRefuseNextAttempt(c));
step('the test system accepts the Charging Station\'s next reconnection attempt, which comes no earlier than twice the wait before the refused one', (c) => reconnect.acceptAfterDoubledWait(c));
step('the test system turns away every connection attempt with the new connection profile and the first one with the previous profile', (c) => fallback.refuseNewAndFirstPrevious(c));
step('the Charging Station tries the new connection profile NetworkProfileConnectionAttempts times, then the previous one', (c) => fallback.triesNewThenPrevious(c));
step('the Charging Station connects with the previous connection profile, trying again no earlier than its RetryBackOffWaitMinimum', (c) => fallback.reconnectsWithPrevious(c));
