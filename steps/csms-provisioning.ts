// Steps of the provisioning cases (block B) when the SUT is a CSMS; each one line calling src/runner/ops/provisioning.ts.
import * as op from '../src/runner/ops/provisioning.ts';
import { step, str } from './step.ts';

step('the test system reports the configured connector as {string} and every other connector as {string}', (c, a, b) => op.reportConfiguredConnector(c, str(a), str(b)));
step('the CSMS refuses every report of the connectors as {string} with a CALLERROR {word}', (c, s, code) => op.connectorReportsRefused(c, str(s), str(code)));
step('the test system sends the BootNotificationRequest the TriggerMessageRequest asked for', (c) => op.triggeredBootSent(c));
step('the test system notes the CSMS URL and security profile it is connected with', (c) => op.rememberConnection(c));
