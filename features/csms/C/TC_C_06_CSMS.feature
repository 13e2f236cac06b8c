@TC_C_06_CSMS
Feature: TC_C_06_CSMS Local start transaction - Authorization Blocked
  A driver presents a token the CSMS holds as blocked; asked by the station, the CSMS must refuse it as blocked (or invalid).

  Scenario: the CSMS refuses a blocked idToken
    Given the test system is connected to the CSMS and accepted
    # the blocked token is set up as blocked at the CSMS beforehand
    # Part 6 step 1
    When the test system sends a AuthorizeRequest with:
      | idToken.idToken | <configured blocked idToken>      |
      | idToken.type    | <configured blocked idToken type> |
    # Part 6 step 2
    Then the CSMS responds with a AuthorizeResponse with:
      | idTokenInfo.status | one of Blocked, Invalid |
