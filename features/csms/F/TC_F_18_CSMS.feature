@TC_F_18_CSMS
Feature: TC_F_18_CSMS Trigger message - FirmwareStatusNotification - Idle
  An operator has the CSMS ask for the station's firmware update status; with no update running the station reports
  Idle, without a requestId, and the CSMS must take that report.

  Scenario: triggered firmware status while no update runs
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a TriggerMessageRequest with:
      | requestedMessage | FirmwareStatusNotification |
    Then the CSMS sends a TriggerMessageRequest with:
      | requestedMessage | FirmwareStatusNotification |
    # Part 6 step 2
    And the test system responds with a TriggerMessageResponse with status Accepted and nothing more
    # Part 6 steps 3-4
    When the test system sends a FirmwareStatusNotificationRequest with:
      | status | Idle |
    Then the CSMS responds with a FirmwareStatusNotificationResponse
