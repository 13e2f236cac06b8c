@TC_A_09_CSMS
Feature: TC_A_09_CSMS Update Charging Station Password for HTTP Basic Authentication - Accepted
  Asked by an operator, the CSMS installs a new BasicAuthPassword on the station; once the station accepted it, the
  CSMS lets the station in with the new password.

  Scenario: the station accepts the new password
    Given the test system is connected to the CSMS and accepted
    And the test system has chosen a new BasicAuthPassword
    # Part 6 steps 1-2
    When the operator makes the CSMS send a SetVariablesRequest with:
      | setVariableData[0].component.name | "SecurityCtrlr"         |
      | setVariableData[0].variable.name  | "BasicAuthPassword"     |
      | setVariableData[0].attributeValue | <new BasicAuthPassword> |
    Then the CSMS sends a SetVariablesRequest with:
      | setVariableData[?].component.name | "SecurityCtrlr"     |
      | setVariableData[?].variable.name  | "BasicAuthPassword" |
    And the test system responds with a SetVariablesResponse with:
      | setVariableResult[0].attributeStatus | Accepted |
    # Part 6 steps 3-4
    When the test system reconnects with the new BasicAuthPassword
    # Part 6 steps 5-8
    And the reusable state Booted is executed
