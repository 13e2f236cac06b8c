@TC_C_07_CSMS
Feature: TC_C_07_CSMS Local start transaction - Authorization Expired
  A driver presents a token whose validity ran out at the CSMS; asked by the station, the CSMS must refuse it as expired
  (or invalid).

  Scenario: the CSMS refuses an expired idToken
    Given the test system is connected to the CSMS and accepted
    # the expired token is set up as expired at the CSMS beforehand
    # Part 6 step 1
    When the test system sends a AuthorizeRequest with:
      | idToken.idToken | <configured expired idToken>      |
      | idToken.type    | <configured expired idToken type> |
    # Part 6 step 2
    Then the CSMS responds with a AuthorizeResponse with:
      | idTokenInfo.status | one of Expired, Invalid |
