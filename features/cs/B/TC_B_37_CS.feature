@TC_B_37_CS
Feature: TC_B_37_CS Set Variables - Not supported attribute type
  Writing an attribute type the variable does not have is refused as such, and the type is echoed.

  Scenario: write the Target attribute of OCPPCommCtrlr.OfflineThreshold
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a SetVariablesRequest with:
      | setVariableData[0].component.name | "OCPPCommCtrlr"    |
      | setVariableData[0].variable.name  | "OfflineThreshold" |
      | setVariableData[0].attributeType  | Target             |
      | setVariableData[0].attributeValue | "300"              |
    Then the Charging Station responds with a SetVariablesResponse with:
      | setVariableResult[0].attributeStatus | NotSupportedAttributeType |
      | setVariableResult[0].component.name  | "OCPPCommCtrlr"           |
      | setVariableResult[0].variable.name   | "OfflineThreshold"        |
      | setVariableResult[0].attributeType   | Target                    |
