@TC_L_02_CS
Feature: TC_L_02_CS Secure Firmware Update - InstallScheduled
  The image is downloaded and verified at once, but its installation is due later: the station reports
  InstallScheduled and installs only when the time has come.

  Scenario: signed firmware, installation scheduled a few seconds ahead
    Given the Charging Station is connected, accepted and idle
    And the Charging Station trusts the root of the test system's firmware signing certificate
    And the test system serves a signed firmware image on its file server
    # Part 6 steps 1-2. <scheduled time> stands for now + <Configured Install Offset Period> (see cs-firmware.ts).
    When the test system sends a UpdateFirmwareRequest with:
      | requestId                   | <generated requestId>         |
      | firmware.location           | <firmware location>           |
      | firmware.retrieveDateTime   | <two hours ago>               |
      | firmware.installDateTime    | <scheduled time>              |
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
      | status    | InstallScheduled      |
      | requestId | <generated requestId> |
    And the test system responds with a FirmwareStatusNotificationResponse
    # Part 6 steps 11-21: connector reports and reboots (optional) are answered by the default responders.
    And the Charging Station installs the firmware and reports Installed, rebooting if it needs to
    # Part 6 steps 22-23
    And the Charging Station sends a SecurityEventNotificationRequest, other than a boot event, with:
      | type | "FirmwareUpdated" |
    And the test system responds with a SecurityEventNotificationResponse
