@TC_B_20_CSMS
Feature: TC_B_20_CSMS Reset Charging Station - Without ongoing transaction - OnIdle
  Asked by an operator, the CSMS resets an idle station and accepts it when it boots again.

  Scenario: OnIdle reset of an idle station
    Given the test system is connected to the CSMS and accepted
    # Part 6 steps 1-2
    When the operator makes the CSMS send a ResetRequest with:
      | type | OnIdle |
    Then the CSMS sends a ResetRequest with:
      | evseId | absent |
    And the test system responds with a ResetResponse with status Accepted
    # Part 6 steps 3-4
    When the test system restarts
    And the test system sends a BootNotificationRequest with:
      | reason | RemoteReset |
    Then the CSMS responds with a BootNotificationResponse with:
      | status | Accepted |
    # Part 6 steps 5-6
    And the test system reports every connector as "Available"
