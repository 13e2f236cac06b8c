@TC_B_25_CS
Feature: TC_B_25_CS Reset EVSE - Without ongoing transaction
  A station that resets single EVSEs accepts an OnIdle reset of an idle EVSE.

  Scenario: OnIdle reset of the configured EVSE
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a ResetRequest with:
      | type   | OnIdle              |
      | evseId | <configured evseId> |
    Then the Charging Station responds with a ResetResponse with:
      | status | Accepted |
