@TC_B_10_CSMS
Feature: TC_B_10_CSMS Set Variables - multiple values
  Asked by an operator to write two variables at once, the CSMS sends both values in one well-formed SetVariablesRequest.

  Scenario: the CSMS writes two variables in one request
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a SetVariablesRequest with:
      | setVariableData[0].component.name | "OCPPCommCtrlr"        |
      | setVariableData[0].variable.name  | "OfflineThreshold"     |
      | setVariableData[0].attributeValue | "123"                  |
      | setVariableData[1].component.name | "AuthCtrlr"            |
      | setVariableData[1].variable.name  | "AuthorizeRemoteStart" |
      | setVariableData[1].attributeValue | "false"                |
    Then the CSMS sends a SetVariablesRequest with:
      | setVariableData[?a].component.name | "OCPPCommCtrlr"        |
      | setVariableData[?a].variable.name  | "OfflineThreshold"     |
      | setVariableData[?a].attributeValue | "123"                  |
      | setVariableData[?a].attributeType  | absent or Actual       |
      | setVariableData[?b].component.name | "AuthCtrlr"            |
      | setVariableData[?b].variable.name  | "AuthorizeRemoteStart" |
      | setVariableData[?b].attributeValue | "false"                |
      | setVariableData[?b].attributeType  | absent or Actual       |
    # Part 6 step 2
    And the test system responds with a SetVariablesResponse
