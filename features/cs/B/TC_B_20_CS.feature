@TC_B_20_CS
Feature: TC_B_20_CS Reset Charging Station - Without ongoing transaction - OnIdle
  An idle station told to reset when idle accepts, reboots, is accepted again and reports its connectors available.

  Scenario: OnIdle reset of an idle station
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a ResetRequest with:
      | type | OnIdle |
    Then the Charging Station responds with a ResetResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    Then the Charging Station sends a BootNotificationRequest
    And the test system responds with a BootNotificationResponse with:
      | status | Accepted |
    # Part 6 steps 5-6
    And the Charging Station reports every connector as "Available"
