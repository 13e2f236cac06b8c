@TC_L_13_CS
Feature: TC_L_13_CS Secure Firmware Update - Unable to download/install firmware with ongoing transaction - AllowNewSessionsPendingFirmwareUpdate is false
  A station that can neither download nor install firmware while charging schedules the update until the transaction
  ends and makes its idle connectors Unavailable meanwhile; then it downloads, verifies and installs the image.

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
    # Part 6 steps 5-6: every connector that was Available, i.e. those of the EVSEs without the transaction.
    # (Part 6 steps 3-4, DownloadScheduled, are optional: they are accepted before Downloading below.)
    And the Charging Station reports the connectors of the other EVSEs as "Unavailable"
    # Part 6 step 7
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
    # Part 6 steps 8-9: the download starts only now (L01.FR.06)
    Then once the transaction has ended, the Charging Station sends a FirmwareStatusNotificationRequest, after "DownloadScheduled" if it reports that, with:
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
    # Part 6 steps 14-24: connector reports (step 14 optional) and reboots (optional) are answered by the default responders.
    And the Charging Station installs the firmware and reports Installed, rebooting if it needs to
    # Part 6 steps 25-26
    And the Charging Station sends a SecurityEventNotificationRequest, other than a boot event, with:
      | type | "FirmwareUpdated" |
    And the test system responds with a SecurityEventNotificationResponse
    # Part 6 steps 21-22 (Part 6 lets steps 21-26 come in any order). Decision: the connectors made Unavailable at step
    # 5 must be reported Available again once the update is over; the configured EVSE's step-14 report is optional.
    And the Charging Station reports the connectors of the other EVSEs as "Available"
