@TC_B_06_CS
Feature: TC_B_06_CS Get Variables - single value
  Reading one mandatory variable returns its actual value.

  Scenario: read OCPPCommCtrlr.OfflineThreshold
    Given the Charging Station is connected, accepted and idle
    And the Charging Station variable "OCPPCommCtrlr.OfflineThreshold" is "300"
    # Part 6 steps 1-2
    When the test system sends a GetVariablesRequest with:
      | getVariableData[0].component.name | "OCPPCommCtrlr"    |
      | getVariableData[0].variable.name  | "OfflineThreshold" |
      | getVariableData[0].attributeType  | Actual             |
    Then the Charging Station responds with a GetVariablesResponse with:
      | getVariableResult[0].attributeStatus                | Accepted           |
      | getVariableResult[0].attributeType                  | Actual             |
      | getVariableResult[0].attributeValue                 | "300"              |
      | getVariableResult[0].component.name                 | "OCPPCommCtrlr"    |
      | getVariableResult[0].variable.name                  | "OfflineThreshold" |
      | getVariableResult[0].attributeStatusInfo.reasonCode | absent or "NoError" |
