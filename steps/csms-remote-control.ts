// Remote-control steps (Part 6 block F) for CSMS cases; each one line calling src/runner/ops/remote-control.ts.
import * as op from '../src/runner/ops/remote-control.ts';
import { rows, step, str } from './step.ts';

step('the test system reports the remote start with a TransactionEventRequest with:', (c, t) => op.reportRemoteStart(c, rows(t)));
step('the test system responds with a TriggerMessageResponse with status {word} and nothing more', (c, s) => op.answerTriggerOnly(c, str(s)));
step('the configured transaction duration passes without the EV being plugged in', (c) => op.transactionDurationPasses(c));
step('the test system sends a {request} for every EVSE with:', (c, a, t) => op.sendForEveryEvse(c, str(a), rows(t)));
step('the CSMS responds to each of them with a {response}', (c, a) => op.answeredEach(c, str(a)));
