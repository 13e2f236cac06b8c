// Steps of the availability cases (block G, SUT = Charging Station). A scope word is ChargingStation, EVSE (the
// configured EVSE) or connector (the configured connector). One line each, calling src/runner/ops/cs-availability.ts.
import * as op from '../src/runner/ops/cs-availability.ts';
import { step, str } from './step.ts';

step('the reusable state Unavailable is reached/executed for the {word}', (c, s) => op.unavailableFor(c, str(s)));
step('every connector is made Operative again when the case ends', (c) => op.restoreAvailabilityWhenDone(c));
step('the Charging Station reports the connectors of the {word} as {string}', (c, s, v) => op.reportsScope(c, str(s), str(v)));
step('the Charging Station reports the connectors of the other EVSEs as {string}', (c, v) => op.reportsOtherEvses(c, str(v)));
step('if the transaction has ended, the Charging Station reports the connectors of the {word} as {string}', (c, s, v) => op.reportsScopeIfEnded(c, str(s), str(v)));
step('the EV leaves; if the transaction was still open it ends and the connectors of the {word} are reported as {string}', (c, s, v) => op.unplugAfterScheduledChange(c, str(s), str(v)));
step('the Charging Station reboots, reporting the connectors of the {word} as {string} and every other connector as {string}', (c, s, a, b) => op.rebootsReporting(c, str(s), str(a), str(b)));
step('the driver unplugs the EV from the configured connector', (c) => op.unplug(c));
