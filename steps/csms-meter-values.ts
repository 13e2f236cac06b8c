// Meter-values steps (block J, and the GetTransactionStatus cases of block E) for CSMS cases; each one line calling
// src/runner/ops/meter-values.ts.
import * as op from '../src/runner/ops/meter-values.ts';
import { rows, step } from './step.ts';

// --- readings reported on schedule
step('the test system reports clock-aligned meter values three times', (c) => op.reportClockAligned(c, 3));
step('the test system reports clock-aligned meter values until the configured transaction duration has passed', (c) => op.reportClockAligned(c, 'duration'));
step('the test system reports sampled meter values of the transaction three times', (c) => op.reportSampled(c, 3));
step('the CSMS answers every one of those meter value messages', (c) => op.csmsAnsweredSeries(c));

// --- readings the test system's station attaches to its transaction events
step("the test system's station reports Transaction.Begin meter values once the EVSE of a transaction is known", (c) => op.stationReportsBeginValues(c));
step("the test system's station names the EVSE of a transaction only once the cable is plugged in", (c) => op.stationNamesEvseFromPlugIn(c));
step("the test system's station reports the clock-aligned meter values of a transaction when it ends", (c) => op.stationReportsEndedValues(c, 'clock', false));
step("the test system's station reports the signed clock-aligned meter values of a transaction when it ends", (c) => op.stationReportsEndedValues(c, 'clock', true));
step("the test system's station reports the sampled meter values of a transaction when it ends", (c) => op.stationReportsEndedValues(c, 'sampled', false));
step("the test system's station reports the signed sampled meter values of a transaction when it ends", (c) => op.stationReportsEndedValues(c, 'sampled', true));
step('the transaction runs through two meter value intervals', (c) => op.transactionRunsTwoIntervals(c));
step('the CSMS accepted the TransactionEventRequest with the Transaction.Begin meter values', (c) => op.csmsAcceptedReadings(c, 'Transaction.Begin'));
step('the CSMS accepted the Ended TransactionEventRequest with the meter values of the transaction', (c) => op.csmsAcceptedReadings(c, 'Transaction.End'));

// --- offline with queued transaction events
step('the test system is offline for the configured transaction duration', (c) => op.offlineForTransactionDuration(c));
step('the test system delivers a queued TransactionEventRequest with:', (c, t) => op.deliverQueuedEvent(c, rows(t)));
