@TC_D_04_CSMS
Feature: TC_D_04_CSMS Send Local Authorization List - Full with empy list
  Asked by an operator, the CSMS empties the station's list with a full update that has no entries (the schema
  wants at least one entry when the list is there, so an empty list is one left out).

  Scenario: a full update without entries empties the station's list
    Given the test system is connected to the CSMS and accepted
    And the test system holds a local authorization list of version 1
    # Part 6 step 1
    When the operator makes the CSMS send a SendLocalListRequest with:
      | versionNumber | <next local list version> |
      | updateType    | Full                      |
    Then the CSMS sends a SendLocalListRequest with:
      | updateType             | Full   |
      | localAuthorizationList | absent |
    # Part 6 step 2
    And the test system responds with a SendLocalListResponse with status Accepted
