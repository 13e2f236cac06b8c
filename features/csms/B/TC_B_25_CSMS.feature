@TC_B_25_CSMS
Feature: TC_B_25_CSMS Reset EVSE - Without ongoing transaction
  Asked by an operator to reset one idle EVSE, the CSMS sends an OnIdle reset that names that EVSE.

  Scenario: OnIdle reset of one idle EVSE
    Given the test system is connected to the CSMS and accepted
    # Part 6 steps 1-2
    When the operator makes the CSMS send a ResetRequest with:
      | type   | OnIdle              |
      | evseId | <configured evseId> |
    Then the CSMS sends a ResetRequest with:
      | type   | OnIdle              |
      | evseId | <configured evseId> |
    And the test system responds with a ResetResponse with status Accepted
