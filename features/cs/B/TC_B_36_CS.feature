@TC_B_36_CS
Feature: TC_B_36_CS Set Variables - Unknown variable
  Writing a variable a known component does not have is reported as unknown, with the names echoed.

  Scenario: write a variable that OCPPCommCtrlr does not have
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a SetVariablesRequest with:
      | setVariableData[0].component.name | "OCPPCommCtrlr"   |
      | setVariableData[0].variable.name  | "UnknownVariable" |
      | setVariableData[0].attributeValue | "300"             |
    Then the Charging Station responds with a SetVariablesResponse with:
      | setVariableResult[0].attributeStatus | UnknownVariable   |
      | setVariableResult[0].component.name  | "OCPPCommCtrlr"   |
      | setVariableResult[0].variable.name   | "UnknownVariable" |
