// Steps of the security cases (block A, SUT = Charging Station). One line each, calling src/runner/ops/cs-security.ts.
import * as op from '../src/runner/ops/cs-security.ts';
import * as tls from '../src/runner/ops/cs-tls.ts';
import * as upgrade from '../src/runner/ops/cs-security-upgrade.ts';
import { step } from './step.ts';

step('the Charging Station connected with HTTP Basic Authentication: its identity as user and the configured password', (c) => op.basicAuthUsed(c));
step('the test system chooses a new BasicAuthPassword for the Charging Station', (c) => op.chooseNewPassword(c));
step('the Charging Station connects again with HTTP Basic Authentication: its identity as user and the new BasicAuthPassword', (c) => op.reconnectsWithNewPassword(c));
step('the test system serves TLS 1.2 with only the cipher suites required for its server certificate', (c) => tls.serveRequiredSuitesOnly(c));
step('the test system serves only TLS 1.0 and 1.1', (c) => tls.serveOldTlsOnly(c));
step('the test system serves its configured TLS parameters again', (c) => tls.serveConfiguredTls(c));
step('the Charging Station ends the TLS handshake and does not connect', (c) => tls.refusesServedTls(c));
step('the Charging Station connects again', (c) => tls.connectsAgain(c, false));
step('the Charging Station connects again over TLS 1.2 or above with a required cipher suite', (c) => tls.connectsAgain(c, true));
step('the Charging Station reports its boot with a SecurityEventNotificationRequest, and InvalidTLSVersion if it noticed', (c) => tls.bootEventAndOptionalTlsEvent(c));
step('the test system aborts the connection and the Charging Station reconnects', (c) => tls.abortAndMeasureReconnect(c));
step('for every invalid server certificate of the test PKI the Charging Station ends the TLS handshake, reconnects and reports InvalidCsmsCertificate', (c) => tls.refusesEveryInvalidCertificate(c));
step('the memory state of the security profile upgrade is reached: CertificateInstalled over security profile 1, RenewChargingStationCertificate over 2', (c) => upgrade.upgradeMemoryState(c));
step('the test system listens at the next security profile for a connection profile in the slot not in use', (c) => upgrade.prepareRaisedProfile(c));
step('the Charging Station reconnects with the raised security profile', (c) => upgrade.reconnectsWithRaisedProfile(c));
step('the NetworkConfigurationPriority the Charging Station reports no longer contains the slot it used before', (c) => upgrade.priorityWithoutOldSlot(c));
step('the Charging Station uses security profile 1 and has no CSMSRootCertificate installed', (c) => upgrade.noCsmsRootOverSp1(c));
step('the test system prepares a connection profile of security profile 2 in the slot not in use', (c) => upgrade.prepareUpgradeWithoutRoot(c));
