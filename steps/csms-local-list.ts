// Local-list steps (Part 6 block D, and TC_N_46) for CSMS cases; each one line calling src/runner/ops/local-list.ts.
import * as op from '../src/runner/ops/local-list.ts';
import { step } from './step.ts';

step('the test system holds a local authorization list of version {int}', (c, v) => op.holdsList(c, Number(v)));
step('the CSMS has given the test system a local authorization list with the configured valid idToken', (c) => op.csmsInstalledValidToken(c));
step("the SendLocalListRequest carries a versionNumber above the test system's local list version", (c) => op.raisesVersion(c));
step('the SendLocalListRequest removes the configured valid idToken from the local list', (c) => op.removesValidToken(c));
