@TC_F_20_CS
Feature: TC_F_20_CS Trigger message - Heartbeat
  Asked for a heartbeat, the station accepts and sends one.

  Scenario: trigger Heartbeat
    Given the Charging Station is connected, accepted and idle
    # Not a Part 6 step: a periodic Heartbeat first, so that the triggered one can be told apart from the next periodic one.
    And the Charging Station has just sent a periodic HeartbeatRequest
    # Part 6 steps 1-2
    When the test system sends a TriggerMessageRequest with:
      | requestedMessage | Heartbeat |
    Then the Charging Station responds with a TriggerMessageResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    And the Charging Station sends the HeartbeatRequest the TriggerMessageRequest asked for, before its next periodic one
    And the test system responds with a HeartbeatResponse
