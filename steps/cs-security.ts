// Steps of the security cases (block A, SUT = Charging Station). One line each, calling src/runner/ops/cs-security.ts.
import * as op from '../src/runner/ops/cs-security.ts';
import { step } from './step.ts';

step('the Charging Station connected with HTTP Basic Authentication: its identity as user and the configured password', (c) => op.basicAuthUsed(c));
