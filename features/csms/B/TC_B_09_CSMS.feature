@TC_B_09_CSMS
Feature: TC_B_09_CSMS Set Variables - single value
  Asked by an operator, the CSMS writes OCPPCommCtrlr.OfflineThreshold with a well-formed SetVariablesRequest.

  Scenario: the CSMS writes one variable
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a SetVariablesRequest with:
      | setVariableData[0].component.name | "OCPPCommCtrlr"    |
      | setVariableData[0].variable.name  | "OfflineThreshold" |
      | setVariableData[0].attributeValue | "123"              |
    Then the CSMS sends a SetVariablesRequest with:
      | setVariableData[?].component.name | "OCPPCommCtrlr"    |
      | setVariableData[?].variable.name  | "OfflineThreshold" |
      | setVariableData[?].attributeValue | "123"              |
      | setVariableData[?].attributeType  | absent or Actual   |
    # Part 6 step 2
    And the test system responds with a SetVariablesResponse
