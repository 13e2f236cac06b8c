@TC_F_18_CS
Feature: TC_F_18_CS Trigger message - FirmwareStatusNotification - Idle
  Asked for its firmware status while no update runs, the station accepts and reports Idle.

  Scenario: trigger FirmwareStatusNotification with no update in progress
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a TriggerMessageRequest with:
      | requestedMessage | FirmwareStatusNotification |
    Then the Charging Station responds with a TriggerMessageResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    And the Charging Station sends a FirmwareStatusNotificationRequest with:
      | status | Idle |
    And the test system responds with a FirmwareStatusNotificationResponse
