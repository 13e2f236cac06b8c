@TC_E_13_CS
Feature: TC_E_13_CS Start transaction options - Authorized - Remote
  A station configured to start transactions on authorization opens one when the CSMS starts it remotely, naming the
  remote start and the token it was given.

  Scenario: the CSMS starts a transaction remotely; it starts at once
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStartPoint contains Authorized (when writable), authorization enabled, remote authorization allowed
    And the Charging Station variable "TxCtrlr.TxStartPoint" is "Authorized" for this case
    And the Charging Station variable "AuthCtrlr.AuthEnabled" is set to "true" if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is set to "false" if implemented
    # Part 6 steps 1-2
    When the test system sends a RequestStartTransactionRequest with:
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
      | evseId          | <configured evseId>             |
      | remoteStartId   | <generated requestId>           |
    Then the Charging Station responds with a RequestStartTransactionResponse with:
      | status | Accepted |
    # Part 6 steps 3-4: only a station that authorizes remote starts asks (AuthorizeRemoteStart true)
    And when "AuthCtrlr.AuthorizeRemoteStart" is "true", the Charging Station sends an AuthorizeRequest with:
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    # Part 6 steps 5-6
    And the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Started                         |
      | triggerReason                 | RemoteStart                     |
      | idToken.idToken               | <configured valid idToken>      |
      | idToken.type                  | <configured valid idToken type> |
      | transactionInfo.remoteStartId | present                         |
    # Clean-up (not a Part 6 step): end the transaction, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
