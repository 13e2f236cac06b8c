@TC_A_10_CSMS
Feature: TC_A_10_CSMS Update Charging Station Password for HTTP Basic Authentication - Rejected
  Asked by an operator, the CSMS tries to install a new BasicAuthPassword; the station refuses it, so the CSMS keeps
  letting the station in with the old password.

  Scenario: the station rejects the new password
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
      | setVariableResult[0].attributeStatus | Rejected |
    # Part 6 steps 3-4
    When the test system reconnects with its old BasicAuthPassword
    # Part 6 steps 5-8
    And the reusable state Booted is executed
