@TC_L_14_CS
Feature: TC_L_14_CS Secure Firmware Update - Unable to install and activate firmware with ongoing transaction - AllowNewSessionsPendingFirmwareUpdate is true
  A station that downloads while charging but cannot install, and lets new sessions start while an update waits,
  downloads and verifies the image, lets a driver start a second transaction on another EVSE, and activates the new
  firmware only after both transactions have ended.

  Scenario: signed firmware update asked for while the configured EVSE charges; a second session starts meanwhile
    Given the Charging Station is connected, accepted and idle
    And the Charging Station trusts the root of the test system's firmware signing certificate
    And the test system serves a signed firmware image on its file server
    # Before: configuration state, "(If implemented)" as Part 6 says; Part 5 runs the case only for a station that
    # declares the variable (C-20).
    And the Charging Station variable "ChargingStation.AllowNewSessionsPendingFirmwareUpdate" is set to "true" for this case, if implemented
    # Before: Part 6 names EVSE 1 connector 1; the configured EVSE and connector stand for them, as in every case.
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
    # Part 6 steps 3-4
    And the Charging Station sends a FirmwareStatusNotificationRequest with:
      | status    | Downloading           |
      | requestId | <generated requestId> |
    And the test system responds with a FirmwareStatusNotificationResponse
    # Part 6 steps 5-6
    And the Charging Station sends a FirmwareStatusNotificationRequest with:
      | status    | Downloaded            |
      | requestId | <generated requestId> |
    And the test system responds with a FirmwareStatusNotificationResponse
    # Part 6 steps 7-8
    And the Charging Station sends a FirmwareStatusNotificationRequest with:
      | status    | SignatureVerified     |
      | requestId | <generated requestId> |
    And the test system responds with a FirmwareStatusNotificationResponse
    # Part 6 steps 9-10
    And the Charging Station sends a FirmwareStatusNotificationRequest with:
      | status    | one of InstallScheduled, Installing |
      | requestId | <generated requestId>               |
    And the test system responds with a FirmwareStatusNotificationResponse
    # Part 6 step 11. Decision: <Configured second Connector> is the first connector of the first configured EVSE other
    # than the configured one, charged with the second configured valid idToken (see src/runner/ops/cs-firmware-sessions.ts).
    When the reusable state EnergyTransferStarted is executed for the second connector
    # Part 6 step 11a. Decision: as in TC_L_15, Part 6's "a while" after an early Installing is the configured message
    # timeout, in which the new firmware must not be activated (InstallRebooting, Installed); checked again below.
    Then if the Charging Station reported Installing, it does not activate the new firmware within the configured message timeout
    # Part 6 step 12
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
    # Part 6 step 13
    And the reusable states from StopAuthorized to ParkingBayUnoccupied are executed for the second connector while its transaction is open
    # Part 6 steps 14-24: connector reports (steps 14 and 21, optional) and reboots (optional) are answered by the
    # default responders; Installing (step 17) is due unless it came at step 9. Nothing but Downloading, Downloaded,
    # SignatureVerified, InstallScheduled and Installing may have been reported before the later transaction ended.
    Then once both transactions have ended, the Charging Station installs the firmware and reports Installed, rebooting if it needs to
    # Part 6 steps 25-26
    And the Charging Station sends a SecurityEventNotificationRequest, other than a boot event, with:
      | type | "FirmwareUpdated" |
    And the test system responds with a SecurityEventNotificationResponse
