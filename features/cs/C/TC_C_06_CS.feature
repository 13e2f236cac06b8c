@TC_C_06_CS
Feature: TC_C_06_CS Local start transaction - Authorization Blocked
  A driver whose token the CSMS calls Blocked gets no transaction: the station asks, hears Blocked, and sends no
  transaction event.

  Scenario: the blocked idToken is presented with the EV plugged in
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: authorization on, remote authorization not disabled (each only where the station implements it)
    And the Charging Station variable "AuthCtrlr.AuthEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is set to "false" for this case, if implemented
    And the reusable state EVConnectedPreSession is reached
    # Part 6 steps 1-2
    When the driver presents the configured blocked idToken
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured blocked idToken>      |
      | idToken.type    | <configured blocked idToken type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status | Blocked |
    # Part 6 note: no transaction may follow the refused authorization
    And the Charging Station sends no TransactionEventRequest within the configured message timeout
    # Clean-up (not a Part 6 step): the EV leaves, so the station is idle for the next case.
    When the EV is unplugged and the configured connector is reported Available
