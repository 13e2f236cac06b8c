@TC_C_02_CSMS
Feature: TC_C_02_CSMS Local start transaction - Authorization Invalid/Unknown
  A driver presents a token the CSMS does not accept; asked by the station, the CSMS must say it is not valid.

  Scenario: the CSMS refuses an invalid idToken
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the test system sends a AuthorizeRequest with:
      | idToken.idToken | <configured invalid idToken>      |
      | idToken.type    | <configured invalid idToken type> |
    # Part 6 step 2
    Then the CSMS responds with a AuthorizeResponse with:
      | idTokenInfo.status | one of Invalid, Unknown |
