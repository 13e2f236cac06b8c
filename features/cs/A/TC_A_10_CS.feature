@TC_A_10_CS
Feature: TC_A_10_CS Update Charging Station Password for HTTP Basic Authentication - Rejected
  A BasicAuthPassword shorter than 16 characters is refused, and the station keeps connecting with its old one.

  # Decision: Part 6 lets the station reconnect before the Booted state without saying what makes it reconnect; here
  # the reusable state Booted (a reset) makes it reconnect, and the test system's handshake check of the Basic Auth
  # password (the configured one) is the validation of steps 3-4.
  Scenario: a too short BasicAuthPassword
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a SetVariablesRequest with:
      | setVariableData[0].component.name | "SecurityCtrlr"     |
      | setVariableData[0].variable.name  | "BasicAuthPassword" |
      | setVariableData[0].attributeValue | "Short-Pass-12"     |
    Then the Charging Station responds with a SetVariablesResponse with:
      | setVariableResult[0].attributeStatus | Rejected |
    # Part 6 steps 3-5
    And the reusable state Booted is reached
