// Display-message and cost steps (Part 6 blocks O and I, CSMS cases); each one line calling src/runner/ops/display.ts
// or src/runner/ops/tariff-cost.ts.
import * as op from '../src/runner/ops/display.ts';
import * as cost from '../src/runner/ops/tariff-cost.ts';
import { step, str } from './step.ts';

step('a display message with priority {word} is configured at the station', (c, p) => op.displayMessageConfigured(c, str(p)));
step('a display message with priority {word} and state {word} is configured at the station', (c, p, s) => op.displayMessageConfigured(c, str(p), str(s)));
step('the test system reports sampled meter values of the transaction twice', (c) => cost.reportSampledTwice(c));
step('the CSMS sends a CostUpdatedRequest for the transaction after every periodic TransactionEventResponse without totalCost', (c) => cost.runningCostAfterEachReading(c));
