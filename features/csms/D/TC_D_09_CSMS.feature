@TC_D_09_CSMS
Feature: TC_D_09_CSMS Get Local List Version - No list available
  Asked by an operator, the CSMS asks the station which version of the local authorization list it holds, and takes
  version 0: the station has no list.

  Scenario: the station reports that it has no list
    Given the test system is connected to the CSMS and accepted
    And the test system holds a local authorization list of version 0
    # Part 6 step 1
    When the operator makes the CSMS send a GetLocalListVersionRequest
    Then the CSMS sends a GetLocalListVersionRequest
    # Part 6 step 2
    And the test system responds with a GetLocalListVersionResponse with:
      | versionNumber | <local list version> |
