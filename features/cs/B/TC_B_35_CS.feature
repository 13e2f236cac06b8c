@TC_B_35_CS
Feature: TC_B_35_CS Set Variables - Unknown component
  Writing to a component the station does not have is reported as unknown, with the names echoed.

  Scenario: write a variable of a component that does not exist
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a SetVariablesRequest with:
      | setVariableData[0].component.name | "UnknownComponent" |
      | setVariableData[0].variable.name  | "OfflineThreshold" |
      | setVariableData[0].attributeValue | "300"              |
    Then the Charging Station responds with a SetVariablesResponse with:
      | setVariableResult[0].attributeStatus | UnknownComponent   |
      | setVariableResult[0].component.name  | "UnknownComponent" |
      | setVariableResult[0].variable.name   | "OfflineThreshold" |
