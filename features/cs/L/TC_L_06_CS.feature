@TC_L_06_CS
Feature: TC_L_06_CS Secure Firmware Update - InvalidSignature
  The image downloads fine, but its signature was made over other bytes: the station must notice after the download,
  report InvalidSignature and raise a security event, and install nothing.

  Scenario: real signature by the right key over other bytes
    Given the Charging Station is connected, accepted and idle
    And the Charging Station trusts the root of the test system's firmware signing certificate
    And the test system serves a signed firmware image on its file server
    # Part 6 steps 1-2
    When the test system sends a UpdateFirmwareRequest with:
      | requestId                   | <generated requestId>         |
      | firmware.location           | <firmware location>           |
      | firmware.retrieveDateTime   | <two hours ago>               |
      | firmware.installDateTime    | <two hours ago>               |
      | firmware.signingCertificate | <firmware signingCertificate> |
      | firmware.signature          | <invalid firmware signature>  |
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
      | status    | InvalidSignature      |
      | requestId | <generated requestId> |
    And the test system responds with a FirmwareStatusNotificationResponse
    # Part 6 steps 9-10
    And the Charging Station sends a SecurityEventNotificationRequest, other than a boot event, with:
      | type | "InvalidFirmwareSignature" |
    And the test system responds with a SecurityEventNotificationResponse
