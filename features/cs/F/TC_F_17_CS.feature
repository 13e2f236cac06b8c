@TC_F_17_CS
Feature: TC_F_17_CS Trigger message - FirmwareStatusNotification - Specific EVSE not relevant
  Firmware status belongs to the whole station: an EVSE in the trigger does not stop the station from reporting Idle.

  Scenario: trigger FirmwareStatusNotification naming an EVSE
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a TriggerMessageRequest with:
      | requestedMessage | FirmwareStatusNotification |
      | evse.id          | <configured evseId>        |
    Then the Charging Station responds with a TriggerMessageResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    And the Charging Station sends a FirmwareStatusNotificationRequest with:
      | status | Idle |
    And the test system responds with a FirmwareStatusNotificationResponse
