// Steps of the meter-value cases (block J, SUT = Charging Station). One line each, calling
// src/runner/ops/cs-meter-values.ts.
import * as op from '../src/runner/ops/cs-meter-values.ts';
import { step, str } from './step.ts';

step('the Charging Station variable {string} is the configured {word} interval during this case', (c, n, k) => op.setIntervalForCase(c, str(n), str(k)));
step('the Charging Station sends clock-aligned MeterValuesRequests at the AlignedDataCtrlr.Interval with every AlignedDataCtrlr.Measurands reading', (c) => op.clockAlignedMeterValues(c));
step('the Charging Station sends a clock-aligned MeterValuesRequest with every AlignedDataCtrlr.Measurands reading', (c) => op.clockAlignedMeterValues(c, 1));
step('the Charging Station sends clock-aligned TransactionEventRequests at the AlignedDataCtrlr.Interval with every AlignedDataCtrlr.Measurands reading', (c) => op.clockAlignedInTransaction(c));
step('the Charging Station sends periodic TransactionEventRequests at the SampledDataCtrlr.TxUpdatedInterval with every SampledDataCtrlr.TxUpdatedMeasurands reading', (c) => op.periodicInTransaction(c));
step('the first TransactionEventRequest naming the EVSE carried a Transaction.Begin reading of every SampledDataCtrlr.TxStartedMeasurands', (c) => op.beginReadings(c));
step('the Ended TransactionEventRequest carried {string} readings of every {string} at the {string}, and a Transaction.End reading', (c, x, m, i) => op.endedReadings(c, str(m), str(i), str(x), true));
step('the Ended TransactionEventRequest carried {string} readings of every {string} at the {string}', (c, x, m, i) => op.endedReadings(c, str(m), str(i), str(x), false));
step('the transaction runs for two {string} intervals', (c, i) => op.runIntervals(c, 2, str(i)));
step('the Charging Station sent no clock-aligned readings while the transaction ran', (c) => op.noClockReadingsDuringTransaction(c));
step('every {string} reading of the Ended TransactionEventRequest is signed', (c, x) => op.signedReadings(c, str(x)));
