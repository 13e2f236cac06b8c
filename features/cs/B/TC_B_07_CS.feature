@TC_B_07_CS
Feature: TC_B_07_CS Get Variables - multiple values
  Reading two mandatory variables in one request returns both values, in any order.

  Scenario: read OfflineThreshold and LocalAuthorizeOffline together
    Given the Charging Station is connected, accepted and idle
    And the Charging Station variable "OCPPCommCtrlr.OfflineThreshold" is "300"
    And the Charging Station variable "AuthCtrlr.LocalAuthorizeOffline" is "true"
    # Part 6 steps 1-2
    When the test system sends a GetVariablesRequest with:
      | getVariableData[0].component.name | "OCPPCommCtrlr"         |
      | getVariableData[0].variable.name  | "OfflineThreshold"      |
      | getVariableData[0].attributeType  | Actual                  |
      | getVariableData[1].component.name | "AuthCtrlr"             |
      | getVariableData[1].variable.name  | "LocalAuthorizeOffline" |
      | getVariableData[1].attributeType  | Actual                  |
    Then the Charging Station responds with a GetVariablesResponse with:
      | getVariableResult[?a].attributeStatus                | Accepted                |
      | getVariableResult[?a].attributeType                  | Actual                  |
      | getVariableResult[?a].attributeValue                 | "300"                   |
      | getVariableResult[?a].component.name                 | "OCPPCommCtrlr"         |
      | getVariableResult[?a].variable.name                  | "OfflineThreshold"      |
      | getVariableResult[?a].attributeStatusInfo.reasonCode | absent or "NoError"     |
      | getVariableResult[?b].attributeStatus                | Accepted                |
      | getVariableResult[?b].attributeType                  | Actual                  |
      | getVariableResult[?b].attributeValue                 | "true"                  |
      | getVariableResult[?b].component.name                 | "AuthCtrlr"             |
      | getVariableResult[?b].variable.name                  | "LocalAuthorizeOffline" |
      | getVariableResult[?b].attributeStatusInfo.reasonCode | absent or "NoError"     |
