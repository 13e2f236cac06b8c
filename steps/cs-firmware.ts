// Steps of the firmware cases (block L, SUT = Charging Station). One line each, calling src/runner/ops/cs-firmware.ts
// (the second charging session of TC_L_12 / TC_L_14: src/runner/ops/cs-firmware-sessions.ts).
import * as op from '../src/runner/ops/cs-firmware.ts';
import * as second from '../src/runner/ops/cs-firmware-sessions.ts';
import { rows, step, str } from './step.ts';

step('the Charging Station trusts the root of the test system\'s firmware signing certificate', (c) => op.trustFirmwareSigner(c));
step('the test system serves a signed firmware image on its file server', (c) => op.serveSignedFirmware(c));
step('the Charging Station installs the firmware and reports Installed, rebooting if it needs to', (c) => op.firmwareInstalled(c));
step('the file server has served the whole firmware image to the Charging Station', (c) => op.firmwareFetched(c));
step('the Charging Station reports the firmware download as failed, after Downloading if it reports that', (c) => op.firmwareDownloadFailed(c));
step('the firmware update is left to end when the case ends', (c) => op.finishUpdateAtEnd(c));
step('the Charging Station sends a FirmwareStatusNotificationRequest once the scheduled time has come, with:', (c, t) => op.reportAtSchedule(c, rows(t)));
step('the Charging Station sends a SecurityEventNotificationRequest, other than a boot event, with:', (c, t) => op.firmwareSecurityEvent(c, rows(t)));
step('the Charging Station tries to install the firmware and reports InstallVerificationFailed or InstallationFailed, rebooting if it needs to', (c) => op.firmwareInstallFailed(c));
step('the test system keeps the requestId of the running update', (c) => op.keepRunningRequestId(c));
step('from here on <generated requestId> is the requestId of the running update again', (c) => op.backToRunningRequestId(c));
step('once the transaction has ended, the Charging Station sends a FirmwareStatusNotificationRequest, after {string} if it reports that, with:', (c, s, t) => op.firmwareStatusAfterTransaction(c, str(s), rows(t)));
step('once the transaction has ended, the Charging Station installs the firmware and reports Installed, rebooting if it needs to', (c) => op.firmwareInstalledAfterTransaction(c));
step('if the Charging Station reported Installing, it does not activate the new firmware within the configured message timeout', (c) => op.noActivationWhileCharging(c));
step('the reusable state EnergyTransferStarted is executed for the second connector', (c) => second.secondSessionStarted(c));
step('the reusable states from StopAuthorized to ParkingBayUnoccupied are executed for the second connector while its transaction is open', (c) => second.secondSessionStopped(c));
step('once both transactions have ended, the Charging Station sends a FirmwareStatusNotificationRequest, after {string} if it reports that, with:', (c, s, t) => op.firmwareStatusAfterTransaction(c, str(s), rows(t)));
step('once both transactions have ended, the Charging Station installs the firmware and reports Installed, rebooting if it needs to', (c) => op.firmwareInstalledAfterTransaction(c));
