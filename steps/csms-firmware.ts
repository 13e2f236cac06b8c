// Firmware steps (Part 6 block L, CSMS cases); each one line calling src/runner/ops/firmware.ts.
import { defineParameterType } from '@cucumber/cucumber';
import * as op from '../src/runner/ops/firmware.ts';
import { step, str } from './step.ts';

// A comma-separated list of firmware statuses ("Downloading, Downloaded"); each is checked against the schema's enum
// when the step runs, so a typo is an ERROR, never a silent mismatch.
defineParameterType({
  name: 'firmwarestatuses',
  regexp: /[A-Z][A-Za-z]*(?:, [A-Z][A-Za-z]*)*/,
  transformer: (s: string) => s,
});

step('a signed firmware image is configured', (c) => op.configureFirmware(c));
step('the test system reports the firmware status(es) {firmwarestatuses}', (c, s) => op.reportStatuses(c, str(s).split(', ')));
step('the UpdateFirmwareRequest has a {word} in the future', (c, p) => op.dateInFuture(c, str(p)));
step('the test system waits until the {word} of the UpdateFirmwareRequest in progress', (c, p) => op.waitUntilScheduled(c, str(p)));
