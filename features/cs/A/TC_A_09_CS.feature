@TC_A_09_CS
Feature: TC_A_09_CS Update Charging Station Password for HTTP Basic Authentication - Accepted
  The station accepts a new BasicAuthPassword and connects with it from then on.

  # Decision: the test system chooses the new password (24 identifierString characters) and accepts only it from the
  # moment it sends it. After Accepted the station reconnects by itself; after RebootRequired the test system resets
  # it (OnIdle) and it boots (Part 6 steps 5-8). When the case ends the station gets the configured password back.
  Scenario: a new BasicAuthPassword
    Given the Charging Station is connected, accepted and idle
    And the test system chooses a new BasicAuthPassword for the Charging Station
    # Part 6 steps 1-2
    When the test system sends a SetVariablesRequest with:
      | setVariableData[0].component.name | "SecurityCtrlr"           |
      | setVariableData[0].variable.name  | "BasicAuthPassword"       |
      | setVariableData[0].attributeValue | <new BasicAuthPassword>   |
    Then the Charging Station responds with a SetVariablesResponse with:
      | setVariableResult[0].attributeStatus | one of Accepted, RebootRequired |
    # Part 6 steps 3-8
    Then the Charging Station connects again with HTTP Basic Authentication: its identity as user and the new BasicAuthPassword
