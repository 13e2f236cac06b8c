// General steps of the station-side cases (any block): present a configured token, a negative wait bounded by the
// configured message timeout, configuration "if implemented". One line each, calling src/runner/ops/cs-general.ts.
import * as op from '../src/runner/ops/cs-general.ts';
import * as caseVar from '../src/runner/ops/cs-case-variables.ts';
import { step, str } from './step.ts';

step('the driver presents the configured {word} idToken', (c, role) => op.presentConfiguredToken(c, str(role)));
step('the Charging Station sends no {request} within the configured message timeout', (c, a) => op.sendsNothing(c, str(a)));
step('the Charging Station variable {string} is set to {string} if implemented', (c, n, v) => op.setIfImplemented(c, str(n), str(v)));
step('the Charging Station variable {string} is {string} during this case', (c, n, v) => caseVar.setForCase(c, str(n), str(v), false));
step('the Charging Station variable {string} is {string} during this case if implemented', (c, n, v) => caseVar.setForCase(c, str(n), str(v), true));
