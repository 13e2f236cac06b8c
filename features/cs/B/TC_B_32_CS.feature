@TC_B_32_CS
Feature: TC_B_32_CS Get Variables - Unknown component
  A component the station does not have is reported as unknown, with the names echoed.

  Scenario: read a variable of a component that does not exist
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a GetVariablesRequest with:
      | getVariableData[0].component.name | "UnknownComponent" |
      | getVariableData[0].variable.name  | "OfflineThreshold" |
    Then the Charging Station responds with a GetVariablesResponse with:
      | getVariableResult[0].attributeStatus | UnknownComponent   |
      | getVariableResult[0].component.name  | "UnknownComponent" |
      | getVariableResult[0].variable.name   | "OfflineThreshold" |
