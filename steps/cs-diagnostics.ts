// Steps of the diagnostics cases (block N, SUT = Charging Station). One line each, calling src/runner/ops/cs-diagnostics.ts.
import * as op from '../src/runner/ops/cs-diagnostics.ts';
import * as customer from '../src/runner/ops/cs-customer-information.ts';
import { rows, step, str } from './step.ts';

step('the test system offers an upload location on its file server', (c) => op.offerUploadLocation(c));
step('the test system offers an upload location where the connection is refused', (c) => op.offerRefusingLocation(c));
step('the file server holds its answers back', (c) => op.fileServerSlow(c));
step('the file server answers without delay again', (c) => op.fileServerNormal(c));
step('the file server has received the log named in the GetLogResponse', (c) => op.logArrived(c));
step('the Charging Station reports every upload attempt as failed, the retry interval apart', (c) => op.uploadAttemptsFailed(c));
step('the log upload is left to end when the case ends', (c) => op.finishUploadAtEnd(c));
step('the Charging Station sends its NotifyCustomerInformationRequests for the request, each answered, every part with:', (c, t) => customer.customerReport(c, rows(t)));
step('the memory state "customer information cleared" is reached for the configured {word} idToken', (c, r) => customer.customerInformationCleared(c, str(r)));
step('the operator stores the configured customerIdentifier at the Charging Station', (c) => customer.customerIdentifierStored(c));
