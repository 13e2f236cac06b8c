@TC_B_39_CS
Feature: TC_B_39_CS Set Variables - Read-only
  A read-only variable cannot be written: the station refuses and echoes the names, instance included.

  Scenario: write the read-only OCPPCommCtrlr.MessageTimeout[Default]
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a SetVariablesRequest with:
      | setVariableData[0].component.name    | "OCPPCommCtrlr"  |
      | setVariableData[0].variable.name     | "MessageTimeout" |
      | setVariableData[0].variable.instance | "Default"        |
      | setVariableData[0].attributeValue    | "30"             |
    Then the Charging Station responds with a SetVariablesResponse with:
      | setVariableResult[0].attributeStatus   | Rejected         |
      | setVariableResult[0].component.name    | "OCPPCommCtrlr"  |
      | setVariableResult[0].variable.name     | "MessageTimeout" |
      | setVariableResult[0].variable.instance | "Default"        |
