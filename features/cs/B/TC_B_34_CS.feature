@TC_B_34_CS
Feature: TC_B_34_CS Get Variables - Not supported attribute type
  Asking for an attribute type the variable does not have is refused as such, and the type asked for is echoed.

  Scenario: read the Target attribute of OCPPCommCtrlr.OfflineThreshold
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a GetVariablesRequest with:
      | getVariableData[0].component.name | "OCPPCommCtrlr"    |
      | getVariableData[0].variable.name  | "OfflineThreshold" |
      | getVariableData[0].attributeType  | Target             |
    Then the Charging Station responds with a GetVariablesResponse with:
      | getVariableResult[0].attributeStatus | NotSupportedAttributeType |
      | getVariableResult[0].component.name  | "OCPPCommCtrlr"           |
      | getVariableResult[0].variable.name   | "OfflineThreshold"        |
      | getVariableResult[0].attributeType   | Target                    |
