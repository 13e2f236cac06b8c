// Steps of the authorization cases (block C, SUT = CSMS). One line each, calling src/runner/ops/authorization.ts.
import * as op from '../src/runner/ops/authorization.ts';
import { rows, step, str } from './step.ts';

step('the reusable state {state} counts as reached by the steps above', (c, s) => op.stateReachedBySteps(c, str(s)));
step('the reusable state EnergyTransferStarted is executed on every EVSE, each with its own valid idToken', (c) => op.energyTransferOnEveryEvse(c));
step('the test system sends a TransactionEventRequest for every open transaction with:', (c, t) => op.sendToEveryOpenTransaction(c, rows(t)));
step('the CSMS responds to each of them with a TransactionEventResponse with:', (c, t) => op.csmsRespondsToEach(c, rows(t)));
