@TC_B_09_CS
Feature: TC_B_09_CS Set Variables - single value
  Writing one mandatory variable is accepted.

  Scenario: write OCPPCommCtrlr.OfflineThreshold
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a SetVariablesRequest with:
      | setVariableData[0].component.name | "OCPPCommCtrlr"    |
      | setVariableData[0].variable.name  | "OfflineThreshold" |
      | setVariableData[0].attributeValue | "300"              |
      | setVariableData[0].attributeType  | Actual             |
    Then the Charging Station responds with a SetVariablesResponse with:
      | setVariableResult[0].attributeStatus                | Accepted            |
      | setVariableResult[0].attributeType                  | Actual              |
      | setVariableResult[0].component.name                 | "OCPPCommCtrlr"     |
      | setVariableResult[0].variable.name                  | "OfflineThreshold"  |
      | setVariableResult[0].attributeStatusInfo.reasonCode | absent or "NoError" |
