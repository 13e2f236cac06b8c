@TC_L_12_CS
Feature: TC_L_12_CS Secure Firmware Update - Unable to download/install firmware with ongoing transaction - AllowNewSessionsPendingFirmwareUpdate is true
  A station that can neither download nor install firmware while charging, and lets new sessions start while an update
  waits, schedules the update, lets a driver start a second transaction on another EVSE, and downloads, verifies and
  installs the image only after both transactions have ended.

  Scenario: signed firmware update asked for while the configured EVSE charges; a second session starts meanwhile
    Given the Charging Station is connected, accepted and idle
    And the Charging Station trusts the root of the test system's firmware signing certificate
    And the test system serves a signed firmware image on its file server
    # Before: configuration state, "(If implemented)" as Part 6 says; Part 5 runs the case only for a station that
    # declares the variable (C-20).
    And the Charging Station variable "ChargingStation.AllowNewSessionsPendingFirmwareUpdate" is set to "true" for this case, if implemented
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system sends a UpdateFirmwareRequest with:
      | requestId                   | <generated requestId>         |
      | firmware.location           | <firmware location>           |
      | firmware.retrieveDateTime   | <two hours ago>               |
      | firmware.installDateTime    | <two hours ago>               |
      | firmware.signingCertificate | <firmware signingCertificate> |
      | firmware.signature          | <firmware signature>          |
    Then the Charging Station responds with a UpdateFirmwareResponse with:
      | status | Accepted |
    # Part 6 steps 3-4. Unlike TC_L_13, Part 6 does not call this report optional here.
    And the Charging Station sends a FirmwareStatusNotificationRequest with:
      | status    | DownloadScheduled     |
      | requestId | <generated requestId> |
    And the test system responds with a FirmwareStatusNotificationResponse
    # Part 6 step 5. Decision: <Configured second Connector> is the first connector of the first configured EVSE other
    # than the configured one, charged with the second configured valid idToken (see src/runner/ops/cs-firmware-sessions.ts).
    When the reusable state EnergyTransferStarted is executed for the second connector
    # Part 6 step 6
    And the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
    # Part 6 step 7
    And the reusable states from StopAuthorized to ParkingBayUnoccupied are executed for the second connector while its transaction is open
    # Part 6 steps 8-9: the download starts only now, once no transaction runs (L01.FR.06); nothing but DownloadScheduled
    # may have been reported before the later of the two transactions ended.
    Then once both transactions have ended, the Charging Station sends a FirmwareStatusNotificationRequest, after "DownloadScheduled" if it reports that, with:
      | status    | Downloading           |
      | requestId | <generated requestId> |
    And the test system responds with a FirmwareStatusNotificationResponse
    # Part 6 steps 10-11
    And the Charging Station sends a FirmwareStatusNotificationRequest with:
      | status    | Downloaded            |
      | requestId | <generated requestId> |
    And the test system responds with a FirmwareStatusNotificationResponse
    # Part 6 steps 12-13
    And the Charging Station sends a FirmwareStatusNotificationRequest with:
      | status    | SignatureVerified     |
      | requestId | <generated requestId> |
    And the test system responds with a FirmwareStatusNotificationResponse
    # Part 6 steps 14-24: connector reports (steps 14 and 21, optional) and reboots (optional) are answered by the
    # default responders. Decision: Part 6's notes make step 14 optional although its tool validation names it; no
    # connector report is required (none was made Unavailable while the transactions ran).
    And the Charging Station installs the firmware and reports Installed, rebooting if it needs to
    # Part 6 steps 25-26
    And the Charging Station sends a SecurityEventNotificationRequest, other than a boot event, with:
      | type | "FirmwareUpdated" |
    And the test system responds with a SecurityEventNotificationResponse
