@TC_L_15_CS
Feature: TC_L_15_CS Secure Firmware Update - Unable to install and activate firmware with ongoing transaction - AllowNewSessionsPendingFirmwareUpdate is false
  A station that downloads while charging but cannot install then downloads and verifies the image, holds the
  installation back until the transaction ends, makes its idle connectors Unavailable meanwhile, and then installs.

  Scenario: signed firmware update asked for while the configured EVSE charges
    Given the Charging Station is connected, accepted and idle
    And the Charging Station trusts the root of the test system's firmware signing certificate
    And the test system serves a signed firmware image on its file server
    # Before: configuration state. Decision: a station without the variable behaves as if it were false (Part 6 asks
    # for it to be implemented, Part 5 runs the case also when it is not), so it is set only where it exists.
    And the Charging Station variable "ChargingStation.AllowNewSessionsPendingFirmwareUpdate" is set to "false" for this case, if implemented
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
    # Part 6 steps 11-12: every connector that was Available, i.e. those of the EVSEs without the transaction.
    And the Charging Station reports the connectors of the other EVSEs as "Unavailable"
    # Part 6 step 12a. Decision: Part 6's "a while" after an early Installing is the configured message timeout, in
    # which the new firmware must not be activated (InstallRebooting, Installed); activation is checked again below.
    And if the Charging Station reported Installing, it does not activate the new firmware within the configured message timeout
    # Part 6 step 13
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
    # Part 6 steps 14-24: connector reports (step 14 optional) and reboots (optional) are answered by the default
    # responders; Installing (step 17) is due unless it came at step 9.
    Then once the transaction has ended, the Charging Station installs the firmware and reports Installed, rebooting if it needs to
    # Part 6 steps 25-26
    And the Charging Station sends a SecurityEventNotificationRequest, other than a boot event, with:
      | type | "FirmwareUpdated" |
    And the test system responds with a SecurityEventNotificationResponse
    # Part 6 steps 21-22 (Part 6 lets steps 21-26 come in any order). Decision: the connectors made Unavailable at step
    # 11 must be reported Available again once the update is over; the configured EVSE's step-14 report is optional.
    And the Charging Station reports the connectors of the other EVSEs as "Available"
