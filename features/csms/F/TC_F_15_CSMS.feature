@TC_F_15_CSMS
Feature: TC_F_15_CSMS Trigger message - LogStatusNotification - Idle
  An operator has the CSMS ask for the station's log upload status; with no upload running the station reports Idle,
  without a requestId, and the CSMS must take that report.

  Scenario: triggered log status while no upload runs
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a TriggerMessageRequest with:
      | requestedMessage | LogStatusNotification |
    Then the CSMS sends a TriggerMessageRequest with:
      | requestedMessage | LogStatusNotification |
    # Part 6 step 2
    And the test system responds with a TriggerMessageResponse with status Accepted and nothing more
    # Part 6 steps 3-4
    When the test system sends a LogStatusNotificationRequest with:
      | status | Idle |
    Then the CSMS responds with a LogStatusNotificationResponse
