// Transaction steps (Part 6 block E) for CSMS cases; each one line calling src/runner/ops/transactions.ts.
import * as op from '../src/runner/ops/transactions.ts';
import { step, str } from './step.ts';

step("the test system's meter has signed its Transaction.Begin reading of {string} Wh", (c, v) => op.signBeginReading(c, str(v)));
step('the CSMS answered the TransactionEventRequest that started the transaction with seqNo 0', (c) => op.csmsAnsweredStartAtSeqNoZero(c));
