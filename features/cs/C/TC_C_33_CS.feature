@TC_C_33_CS
Feature: TC_C_33_CS Store Authorization Data in the Authorization Cache - Update on AuthorizeResponse
  A token the CSMS accepted in an AuthorizeResponse goes into the cache: presented again in a later session, it is
  used from the cache without a second AuthorizeRequest.

  Scenario: a valid idToken authorized once, then used again from the cache
    Given the Charging Station is connected, accepted and idle
    # Decision: Part 6 has no memory state here, yet the first presentation must reach the CSMS; a station that lives
    # through the run may hold the token from an earlier case, so its cache is emptied first (not a Part 6 step).
    When the test system sends a ClearCacheRequest
    Then the Charging Station responds with a ClearCacheResponse with:
      | status | Accepted |
    # Part 6 configuration state
    Given the Charging Station variable "AuthCacheCtrlr.AuthCacheEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.LocalPreAuthorize" is set to "true" for this case
    And the Charging Station variable "LocalAuthListCtrlr.LocalAuthListEnabled" is set to "true" for this case, if implemented
    And the reusable state EVConnectedPreSession is reached
    When the driver presents the configured valid idToken
    # Part 6 steps 1-2
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status | Accepted |
    # Part 6 steps 3-4 (the EV is plugged in, so the authorization closes the power path and a transaction event follows)
    And the Charging Station sends a TransactionEventRequest with:
      | triggerReason   | Authorized                      |
      | eventType       | one of Started, Updated         |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    And the test system responds with a TransactionEventResponse with:
      | idTokenInfo.status | Accepted |
    And the steps above count as the reusable state Authorized
    # Part 6 step 5
    When the reusable state EnergyTransferStarted is executed
    # Part 6 steps 6-9 (no parking bay sensor is assumed)
    And the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
    And the EV is unplugged and the configured connector is reported Available
    And the next session starts from an idle EVSE
    # Part 6 step 10
    And the reusable state EVConnectedPreSession is executed
    When the driver presents the configured valid idToken
    # Part 6 steps 12-13
    Then the Charging Station sends a TransactionEventRequest with:
      | triggerReason   | Authorized                      |
      | eventType       | one of Started, Updated         |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    And the test system responds with a TransactionEventResponse with:
      | idTokenInfo.status | Invalid |
    # Decision: the case is about the cache entry the AuthorizeResponse made (C10.FR.04), so a second AuthorizeRequest
    # for the token fails it.
    And the Charging Station has sent no further AuthorizeRequest for the configured valid idToken
    # Clean-up (not a Part 6 step): the EV leaves, so the station is idle for the next case.
    When the EV is unplugged and the configured connector is reported Available
