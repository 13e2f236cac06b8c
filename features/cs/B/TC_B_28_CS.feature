@TC_B_28_CS
Feature: TC_B_28_CS Reset EVSE - Not Supported
  A station that cannot reset a single EVSE refuses a ResetRequest for one.

  Scenario: OnIdle reset of an idle EVSE, not supported
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a ResetRequest with:
      | type   | OnIdle              |
      | evseId | <configured evseId> |
    Then the Charging Station responds with a ResetResponse with:
      | status | Rejected |
