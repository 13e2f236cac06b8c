// Availability steps (block G) for CSMS cases; each one line calling src/runner/ops/availability.ts.
import * as op from '../src/runner/ops/availability.ts';
import { step, str } from './step.ts';

step('the reusable state Unavailable is reached/executed for the Charging Station', (c) => op.unavailableFor(c, 'ChargingStation'));
step('the reusable state Unavailable is reached/executed for the configured EVSE', (c) => op.unavailableFor(c, 'EVSE'));
step('the reusable state Unavailable is reached/executed for the configured connector', (c) => op.unavailableFor(c, 'Connector'));

step('the test system reports the connectors of the configured EVSE as {string}', (c, s) => op.reportConnectors(c, 'EVSE', str(s)));
step('the test system reports the configured connector as {string}', (c, s) => op.reportConnectors(c, 'Connector', str(s)));
step('the test system reports every connector except the configured one as {string}', (c, s) => op.reportConnectors(c, 'AllButConfigured', str(s)));
