@TC_A_09_CSMS
Feature: TC_A_09_CSMS Update Charging Station Password for HTTP Basic Authentication - Accepted
  Asked by an operator, the CSMS installs a new BasicAuthPassword on the station; once the station accepted it, the
  CSMS lets the station in with the new password.

  Scenario: the station accepts the new password
    Given the test system is connected to the CSMS and accepted
    # Part 6 steps 1-2: Part 6 has the CSMS send the new password, so the CSMS chooses it (trigger convention helper
    # update-basic-auth-password, no body)
    When the operator makes the CSMS install a new BasicAuthPassword of its own choosing
    Then the CSMS sends a SetVariablesRequest with:
      | setVariableData[?].component.name | "SecurityCtrlr"     |
      | setVariableData[?].variable.name  | "BasicAuthPassword" |
    And the test system responds with a SetVariablesResponse with:
      | setVariableResult[0].attributeStatus | Accepted |
    # Part 6 steps 3-4
    # SUT state: carried forward. The station keeps the password it accepted and the CSMS expects it from now on, so
    # every later case of the run connects with it (recorded in the trace of this case and of each later one).
    When the test system reconnects with the new BasicAuthPassword
    # Part 6 steps 5-8
    And the reusable state Booted is executed
