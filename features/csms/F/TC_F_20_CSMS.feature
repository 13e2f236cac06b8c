@TC_F_20_CSMS
Feature: TC_F_20_CSMS Trigger message - Heartbeat
  An operator has the CSMS ask for a heartbeat; the CSMS must take the triggered HeartbeatRequest.

  Scenario: triggered heartbeat
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a TriggerMessageRequest with:
      | requestedMessage | Heartbeat |
    Then the CSMS sends a TriggerMessageRequest with:
      | requestedMessage | Heartbeat |
    # Part 6 step 2
    And the test system responds with a TriggerMessageResponse with status Accepted and nothing more
    # Part 6 steps 3-4
    When the test system sends a HeartbeatRequest
    Then the CSMS responds with a HeartbeatResponse
