// Smart-charging steps (Part 6 block K) for CSMS cases; each one line calling src/runner/ops/smart-charging.ts.
import * as op from '../src/runner/ops/smart-charging.ts';
import { rows, step } from './step.ts';

// --- the bench
step('the smart charging values of the bench are configured', (c) => op.configureSmartCharging(c));
step("the test system's station does not support smart charging", (c) => op.stationWithoutSmartCharging(c));
step("the test system's station holds a charging profile of its own", (c) => op.stationGeneratesProfileId(c));

// --- what the CSMS sent
step('the charging profile is valid from now for the configured duration and its schedule starts now', (c) => op.profileDatesAreNow(c));
step('the second charging profile has the id of the first', (c) => op.profileIdsCompared(c, true));
step('the second charging profile has another id than the first', (c) => op.profileIdsCompared(c, false));

// --- the station's answers
step('the test system responds with a GetCompositeScheduleResponse computed from its charging profiles, which gives:', (c, t) => op.answerCompositeSchedule(c, rows(t)));
step('the test system reports its charging profiles in ReportChargingProfilesRequests', (c) => op.reportChargingProfiles(c));
step('the test system reports its external constraints profile in a ReportChargingProfilesRequest', (c) => op.reportChargingProfiles(c, 'ChargingStationExternalConstraints'));

// --- the mock ISO 15118 EV
step('the test system sends the charging needs of the EV in a NotifyEVChargingNeedsRequest', (c) => op.sendChargingNeeds(c));
step('the CSMS sends a SetChargingProfileRequest for the EV with:', (c, t) => op.csmsSendsEvProfile(c, rows(t)));
step('the test system sends a NotifyEVChargingScheduleRequest with the schedule of that profile', (c) => op.sendEvSchedule(c, false));
step('the test system sends a NotifyEVChargingScheduleRequest with a schedule that exceeds that profile', (c) => op.sendEvSchedule(c, true));
