@TC_B_33_CS
Feature: TC_B_33_CS Get Variables - Unknown variable
  A variable a known component does not have is reported as unknown, with the names echoed.

  Scenario: read a variable that OCPPCommCtrlr does not have
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a GetVariablesRequest with:
      | getVariableData[0].component.name | "OCPPCommCtrlr"   |
      | getVariableData[0].variable.name  | "UnknownVariable" |
    Then the Charging Station responds with a GetVariablesResponse with:
      | getVariableResult[0].attributeStatus | UnknownVariable   |
      | getVariableResult[0].component.name  | "OCPPCommCtrlr"   |
      | getVariableResult[0].variable.name   | "UnknownVariable" |
