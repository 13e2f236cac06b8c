// Steps of the security cases (block A) when the SUT is a CSMS; each one line calling src/runner/ops/security.ts.
import * as op from '../src/runner/ops/security.ts';
import { enterState } from '../src/runner/operations.ts';
import { step, str } from './step.ts';

// --- deliberate connection attempts and the CSMS's refusal
step('the test system connects with a Basic Auth user name other than its identity', (c) => op.connectWithForeignUser(c));
step('the test system connects with a random Basic Auth password', (c) => op.connectWithRandomPassword(c));
step('the test system opens a TLS connection offering only {string}', (c, v) => op.connectWithOldTls(c, str(v)));
step('the CSMS refuses the connection attempt', (c) => op.csmsRefusedAttempt(c));
step('the test system connects with its configured identity, credentials and TLS settings', (c) => op.connectAsConfigured(c));
step('the CSMS accepts the connection attempt', (c) => op.csmsAcceptedAttempt(c));

// --- TLS server side
step('the CSMS uses TLS 1.2 or above and a server certificate that meets the OCPP requirements', (c) => op.tlsServerSideMeetsRequirements(c));
step('the CSMS supports the required TLS 1.2 cipher suites', (c) => op.requiredCipherSuitesSupported(c));

// --- BasicAuthPassword change
step('the test system has chosen a new BasicAuthPassword', (c) => op.chooseNewPassword(c));
step('the operator makes the CSMS install a new BasicAuthPassword of its own choosing', (c) => op.operatorInstallsCsmsChosenPassword(c));
step('the test system reconnects with the new BasicAuthPassword', (c) => op.reconnectWithPassword(c, 'new'));
step('the test system reconnects with its old BasicAuthPassword', (c) => op.reconnectWithPassword(c, 'old'));

// --- security profile upgrade
step('the test system is prepared to move to the next security profile', (c) => op.prepareProfileUpgrade(c, (name) => enterState(c, name)));
step('the operator makes the CSMS raise the station\'s security profile by one', (c) => op.operatorRaisesProfile(c));
step('the CSMS sends a SetVariablesRequest that lists the new configuration slot in OCPPCommCtrlr.NetworkConfigurationPriority', (c) => op.priorityListsNewSlot(c));
step('the test system reconnects with the network profile the CSMS set', (c) => op.reconnectWithNewProfile(c));
step('the test system connects with its old security profile', (c) => op.connectWithOldProfile(c));
