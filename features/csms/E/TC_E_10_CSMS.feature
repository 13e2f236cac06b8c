@TC_E_10_CSMS
Feature: TC_E_10_CSMS Start transaction options - Authorized - Local
  The station opens its transactions when a driver is authorized locally (start point Authorized). The CSMS must
  accept the token in the authorization and again in the Started event that carries it.

  Scenario: a transaction that starts at the local authorization
    Given the test system is connected to the CSMS and accepted
    # Part 6 steps 1-2
    When the test system sends a AuthorizeRequest with:
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    Then the CSMS responds with a AuthorizeResponse with:
      | idTokenInfo.status | Accepted |
    # Part 6 steps 3-4
    When the test system sends a TransactionEventRequest with:
      | eventType       | Started                         |
      | triggerReason   | Authorized                      |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    Then the CSMS responds with a TransactionEventResponse with:
      | idTokenInfo.status | Accepted |
