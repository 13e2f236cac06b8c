@TC_F_26_CS
Feature: TC_F_26_CS Trigger message - BootNotification - Rejected
  A station whose boot was already accepted refuses to be triggered into another BootNotification.

  Scenario: trigger BootNotification after an accepted boot
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a TriggerMessageRequest with:
      | requestedMessage | BootNotification |
    Then the Charging Station responds with a TriggerMessageResponse with:
      | status | Rejected |
