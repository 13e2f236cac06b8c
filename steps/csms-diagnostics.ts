// Diagnostics steps (Part 6 block N, CSMS cases): log uploads and customer information. One line each, calling
// src/runner/ops/diagnostics.ts.
import * as op from '../src/runner/ops/diagnostics.ts';
import { rows, step, str } from './step.ts';

step('the test system sends a {request} for the {request} with:', (c, a, b, t) => op.sendForRequest(c, str(a), str(b), 'last', rows(t)));
step('the test system sends a {request} for the first {request} with:', (c, a, b, t) => op.sendForRequest(c, str(a), str(b), 'first', rows(t)));
step('the test system sends a {request} for the second {request} with:', (c, a, b, t) => op.sendForRequest(c, str(a), str(b), 'second', rows(t)));
step('the {request} names an absolute URL in {string}', (c, a, p) => op.fieldIsAbsoluteUrl(c, str(p), str(a)));
