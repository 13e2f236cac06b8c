// Firmware-publishing steps (Part 6 block L, L03/L04; CSMS cases); each one line calling
// src/runner/ops/firmware-publish.ts. {firmwarestatuses} is the comma-separated list type of steps/csms-firmware.ts.
import * as op from '../src/runner/ops/firmware-publish.ts';
import { step, str } from './step.ts';

step('the test system reports the publish status(es) {firmwarestatuses}', (c, s) => op.reportPublishStatuses(c, str(s).split(', ')));
