@TC_L_16_CS
Feature: TC_L_16_CS Secure Firmware Update - Able to update firmware with ongoing transaction
  A station that declares it can update while charging downloads, verifies and installs a signed image while a
  transaction runs.

  Scenario: signed firmware update during a transaction
    Given the Charging Station is connected, accepted and idle
    And the Charging Station trusts the root of the test system's firmware signing certificate
    And the test system serves a signed firmware image on its file server
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
    # Part 6 steps 9-13. Decision: a reconnection (step 11) is waited for when the station reboots or reconnects, but
    # not demanded: Part 2 lets a station activate new firmware without a restart.
    And the Charging Station installs the firmware and reports Installed, rebooting if it needs to
    # Part 6 steps 14-15
    And the Charging Station sends a SecurityEventNotificationRequest, other than a boot event, with:
      | type | "FirmwareUpdated" |
    And the test system responds with a SecurityEventNotificationResponse
    # Clean-up (not a Part 6 step): end the transaction, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
