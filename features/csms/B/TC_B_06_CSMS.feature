@TC_B_06_CSMS
Feature: TC_B_06_CSMS Get Variables - single value
  Asked by an operator, the CSMS reads OCPPCommCtrlr.OfflineThreshold with a well-formed GetVariablesRequest.

  Scenario: the CSMS reads one variable
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a GetVariablesRequest with:
      | getVariableData[0].component.name | "OCPPCommCtrlr"    |
      | getVariableData[0].variable.name  | "OfflineThreshold" |
    Then the CSMS sends a GetVariablesRequest with:
      | getVariableData[?].component.name | "OCPPCommCtrlr"                                  |
      | getVariableData[?].variable.name  | "OfflineThreshold"                               |
      | getVariableData[?].attributeType  | absent or one of Actual, Target, MinSet, MaxSet |
    # Part 6 step 2
    And the test system responds with a GetVariablesResponse
