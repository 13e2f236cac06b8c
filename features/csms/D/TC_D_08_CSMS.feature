@TC_D_08_CSMS
Feature: TC_D_08_CSMS Get Local List Version - Success
  Asked by an operator, the CSMS asks the station which version of the local authorization list it holds.

  # Decision where Part 6 is silent: <Configured versionNumber> is 3, the version the test system holds.
  Scenario: the station reports the version of its list
    Given the test system is connected to the CSMS and accepted
    And the test system holds a local authorization list of version 3
    # Part 6 step 1
    When the operator makes the CSMS send a GetLocalListVersionRequest
    Then the CSMS sends a GetLocalListVersionRequest
    # Part 6 step 2
    And the test system responds with a GetLocalListVersionResponse with:
      | versionNumber | <local list version> |
