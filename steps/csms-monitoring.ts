// Monitoring steps (Part 6 block N, Advanced Device Management, CSMS cases); each one line calling
// src/runner/ops/monitoring.ts.
import * as op from '../src/runner/ops/monitoring.ts';
import { step, str } from './step.ts';

step('the test system responds with a SetVariableMonitoringResponse accepting every monitor', (c) => op.acceptEveryMonitor(c));
step('the test system responds with a {response} with status {word} to each such request of the CSMS, until all the operator named was sent, at most {word} per request', (c, a, s, n) =>
  op.answerPartsUntilComplete(c, str(a), str(s), str(n)),
);
step('the CSMS has read MonitoringCtrlr.ItemsPerMessage[ClearVariableMonitoring] = {string} from the test system', (c, v) => op.csmsReadClearItemsPerMessage(c, str(v)));
