@TC_C_07_CS
Feature: TC_C_07_CS Local start transaction - Authorization Expired
  A driver whose token the CSMS calls Expired gets no transaction: the station asks, hears Expired, and sends no
  transaction event.

  Scenario: the expired idToken is presented with the EV plugged in
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: authorization on, remote authorization not disabled (each only where the station implements it)
    And the Charging Station variable "AuthCtrlr.AuthEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is set to "false" for this case, if implemented
    And the reusable state EVConnectedPreSession is reached
    # Part 6 steps 1-2
    When the driver presents the configured expired idToken
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured expired idToken>      |
      | idToken.type    | <configured expired idToken type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status | Expired |
    # Part 6 note: no transaction may follow the refused authorization
    And the Charging Station sends no TransactionEventRequest within the configured message timeout
    # Clean-up (not a Part 6 step): the EV leaves, so the station is idle for the next case.
    When the EV is unplugged and the configured connector is reported Available
