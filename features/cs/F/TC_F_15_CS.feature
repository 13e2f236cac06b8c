@TC_F_15_CS
Feature: TC_F_15_CS Trigger message - LogStatusNotification - Idle
  Asked for its log status while no log upload runs, the station accepts and reports Idle.

  Scenario: trigger LogStatusNotification with no upload in progress
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a TriggerMessageRequest with:
      | requestedMessage | LogStatusNotification |
    Then the Charging Station responds with a TriggerMessageResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    And the Charging Station sends a LogStatusNotificationRequest with:
      | status | Idle |
    And the test system responds with a LogStatusNotificationResponse
