@TC_D_02_CSMS
Feature: TC_D_02_CSMS Send Local Authorization List - Differential Update
  Asked by an operator, the CSMS asks which list version the station holds and then sends a differential update
  with entries, at a version above the one the station reported.

  # Decision where Part 6 is silent: the differential update adds the second configured valid idToken.
  Scenario: a differential update adds an idToken to the station's list
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
      | updateType                                   | Differential                     |
      | localAuthorizationList[0].idToken.idToken    | <configured valid idToken2>      |
      | localAuthorizationList[0].idToken.type       | <configured valid idToken2 type> |
      | localAuthorizationList[0].idTokenInfo.status | Accepted                         |
    Then the CSMS sends a SendLocalListRequest with:
      | updateType                | Differential |
      | localAuthorizationList[0] | present      |
    # Part 6 step 4
    And the test system responds with a SendLocalListResponse with status Accepted
    # Part 6 step 3
    # (checked once the request is answered, so that the answer is not held up)
    And the SendLocalListRequest carries a versionNumber above the test system's local list version
