@TC_B_07_CSMS
Feature: TC_B_07_CSMS Get Variables - multiple values
  Asked by an operator for two variables at once, the CSMS reads both in one well-formed GetVariablesRequest.

  Scenario: the CSMS reads two variables in one request
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a GetVariablesRequest with:
      | getVariableData[0].component.name | "OCPPCommCtrlr"        |
      | getVariableData[0].variable.name  | "OfflineThreshold"     |
      | getVariableData[1].component.name | "AuthCtrlr"            |
      | getVariableData[1].variable.name  | "AuthorizeRemoteStart" |
    Then the CSMS sends a GetVariablesRequest with:
      | getVariableData[?a].component.name | "OCPPCommCtrlr"                                 |
      | getVariableData[?a].variable.name  | "OfflineThreshold"                              |
      | getVariableData[?a].attributeType  | absent or one of Actual, Target, MinSet, MaxSet |
      | getVariableData[?b].component.name | "AuthCtrlr"                                     |
      | getVariableData[?b].variable.name  | "AuthorizeRemoteStart"                          |
      | getVariableData[?b].attributeType  | absent or one of Actual, Target, MinSet, MaxSet |
    # Part 6 step 2
    And the test system responds with a GetVariablesResponse
