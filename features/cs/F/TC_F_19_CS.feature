@TC_F_19_CS
Feature: TC_F_19_CS Trigger message - FirmwareStatusNotification - Downloading
  Asked for its firmware status while an image is downloading, the station reports Downloading for that update.

  Scenario: trigger FirmwareStatusNotification during a firmware download
    Given the Charging Station is connected, accepted and idle
    And the Charging Station trusts the root of the test system's firmware signing certificate
    And the test system serves a signed firmware image on its file server
    # Decision: the file server holds its answers back (for the SUT's reaction time), so the download is surely still
    # running when the trigger arrives. When the case ends the update is let finish, so the station is left idle.
    And the file server holds its answers back
    And the firmware update is left to end when the case ends
    # Part 6 steps 1-2 (no installDateTime: install as soon as the image is verified)
    When the test system sends a UpdateFirmwareRequest with:
      | requestId                   | <generated requestId>         |
      | firmware.location           | <firmware location>           |
      | firmware.retrieveDateTime   | <two hours ago>               |
      | firmware.signingCertificate | <firmware signingCertificate> |
      | firmware.signature          | <firmware signature>          |
    Then the Charging Station responds with a UpdateFirmwareResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    And the Charging Station sends a FirmwareStatusNotificationRequest with:
      | status | Downloading |
    And the test system responds with a FirmwareStatusNotificationResponse
    # Part 6 steps 5-6
    When the test system sends a TriggerMessageRequest with:
      | requestedMessage | FirmwareStatusNotification |
    Then the Charging Station responds with a TriggerMessageResponse with:
      | status | Accepted |
    # Part 6 steps 7-8. A report about a running update carries its requestId.
    And the Charging Station sends a FirmwareStatusNotificationRequest with:
      | status    | Downloading           |
      | requestId | <generated requestId> |
    And the test system responds with a FirmwareStatusNotificationResponse
