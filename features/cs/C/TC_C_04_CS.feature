@TC_C_04_CS
Feature: TC_C_04_CS Local Stop Transaction - Different idToken
  A token other than the one that started the transaction, and of no shared group, cannot stop it even though the CSMS
  accepts it.

  Scenario: a second valid idToken is presented during the transaction
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: authorization on, remote authorization not disabled (each only where the station implements it)
    And the Charging Station variable "AuthCtrlr.AuthEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is set to "false" for this case, if implemented
    # Part 6 memory state. Decision: the "different idToken" is the configured valid idToken2; the test system answers
    # every token without a groupIdToken here, so the two tokens share no group.
    And the reusable state EnergyTransferStarted is reached
    When the driver presents the configured valid2 idToken
    # Part 6 steps 1-2
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured valid idToken2>      |
      | idToken.type    | <configured valid idToken2 type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status | Accepted |
    # Part 6 note and post scenario: no TransactionEvent names an idToken and the transaction does not end
    And the transaction goes on: no TransactionEventRequest with an idToken and none ending it within the configured message timeout
    # Clean-up (not a Part 6 step): end the transaction, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
