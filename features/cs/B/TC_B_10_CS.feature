@TC_B_10_CS
Feature: TC_B_10_CS Set Variables - multiple values
  Writing two mandatory variables in one request is accepted for both, in any order.

  Scenario: write OfflineThreshold and LocalAuthorizeOffline together
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a SetVariablesRequest with:
      | setVariableData[0].component.name | "OCPPCommCtrlr"         |
      | setVariableData[0].variable.name  | "OfflineThreshold"      |
      | setVariableData[0].attributeValue | "300"                   |
      | setVariableData[0].attributeType  | Actual                  |
      | setVariableData[1].component.name | "AuthCtrlr"             |
      | setVariableData[1].variable.name  | "LocalAuthorizeOffline" |
      | setVariableData[1].attributeValue | "true"                  |
      | setVariableData[1].attributeType  | Actual                  |
    Then the Charging Station responds with a SetVariablesResponse with:
      | setVariableResult[?a].attributeStatus                | Accepted                |
      | setVariableResult[?a].attributeType                  | Actual                  |
      | setVariableResult[?a].component.name                 | "OCPPCommCtrlr"         |
      | setVariableResult[?a].variable.name                  | "OfflineThreshold"      |
      | setVariableResult[?a].attributeStatusInfo.reasonCode | absent or "NoError"     |
      | setVariableResult[?b].attributeStatus                | Accepted                |
      | setVariableResult[?b].attributeType                  | Actual                  |
      | setVariableResult[?b].component.name                 | "AuthCtrlr"             |
      | setVariableResult[?b].variable.name                  | "LocalAuthorizeOffline" |
      | setVariableResult[?b].attributeStatusInfo.reasonCode | absent or "NoError"     |
