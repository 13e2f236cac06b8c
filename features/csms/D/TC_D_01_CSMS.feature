@TC_D_01_CSMS
Feature: TC_D_01_CSMS Send Local Authorization List - Full
  Asked by an operator, the CSMS may first ask which list version the station holds, and then sends a full local
  authorization list with entries and a version above zero.

  # Decision where Part 6 is silent: the test system holds list version 1 before the case; the operator asks for the
  # version (the optional steps 1-2 are run) and then for a full list with the two configured valid idTokens at the
  # next version.
  Scenario: a full local list replaces the station's list
    Given the test system is connected to the CSMS and accepted
    And the test system holds a local authorization list of version 1
    # Part 6 step 1
    When the operator makes the CSMS send a GetLocalListVersionRequest
    Then the CSMS sends a GetLocalListVersionRequest
    # Part 6 step 2
    And the test system responds with a GetLocalListVersionResponse with:
      | versionNumber | <local list version> |
    # Part 6 step 3
    When the operator makes the CSMS send a SendLocalListRequest with:
      | versionNumber                                | <next local list version>        |
      | updateType                                   | Full                             |
      | localAuthorizationList[0].idToken.idToken    | <configured valid idToken>       |
      | localAuthorizationList[0].idToken.type       | <configured valid idToken type>  |
      | localAuthorizationList[0].idTokenInfo.status | Accepted                         |
      | localAuthorizationList[1].idToken.idToken    | <configured valid idToken2>      |
      | localAuthorizationList[1].idToken.type       | <configured valid idToken2 type> |
      | localAuthorizationList[1].idTokenInfo.status | Accepted                         |
    Then the CSMS sends a SendLocalListRequest with:
      | updateType                | Full    |
      | versionNumber             | > 0     |
      | localAuthorizationList[0] | present |
    # Part 6 step 4
    And the test system responds with a SendLocalListResponse with status Accepted
