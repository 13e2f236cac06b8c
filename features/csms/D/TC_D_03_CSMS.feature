@TC_D_03_CSMS
Feature: TC_D_03_CSMS Send Local Authorization List - Differential Remove
  Asked by an operator, the CSMS sends a differential update whose entries carry no idTokenInfo, which removes those
  idTokens from the station's list, at a version above the station's.

  # Decisions where Part 6 is silent: the test system holds list version 1 before the case; the update removes the
  # second configured valid idToken.
  Scenario: a differential update removes an idToken from the station's list
    Given the test system is connected to the CSMS and accepted
    And the test system holds a local authorization list of version 1
    # Part 6 step 1
    When the operator makes the CSMS send a SendLocalListRequest with:
      | versionNumber                             | <next local list version>        |
      | updateType                                | Differential                     |
      | localAuthorizationList[0].idToken.idToken | <configured valid idToken2>      |
      | localAuthorizationList[0].idToken.type    | <configured valid idToken2 type> |
    Then the CSMS sends a SendLocalListRequest with:
      | updateType                            | Differential |
      | localAuthorizationList[0]             | present      |
      | localAuthorizationList[*].idTokenInfo | absent       |
    # Part 6 step 2
    And the test system responds with a SendLocalListResponse with status Accepted
    # Part 6 step 1
    # (checked once the request is answered, so that the answer is not held up)
    And the SendLocalListRequest carries a versionNumber above the test system's local list version
