@TC_E_16_CS
Feature: TC_E_16_CS Stop transaction options - Deauthorized - Invalid idToken
  A transaction started offline whose token the CSMS then calls invalid ends, once the queue is delivered, with the
  station saying the transaction was deauthorized.

  Scenario: an offline start is refused afterwards; the station ends the transaction
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStopPoint contains Authorized (the value set here), offline starts allowed for unknown tokens
    # (if implemented), a refused token stops the transaction. The IdTokenCached / IdTokenLocalAuthList memory states
    # only help a station accept the token offline; OfflineTxForUnknownIdEnabled does that here.
    And the Charging Station variable "TxCtrlr.TxStopPoint" is "Authorized" for this case
    And the Charging Station variable "AuthCtrlr.AuthEnabled" is set to "true" if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is set to "false" if implemented
    And the Charging Station variable "AuthCtrlr.OfflineTxForUnknownIdEnabled" is "true" for this case, if implemented
    And the Charging Station variable "TxCtrlr.StopTxOnInvalidId" is "true" for this case
    # Part 6 before: StartOfflineTransaction (the bay step is left out: it needs a bay sensor)
    When the station loses its connection to the test system
    And the driver presents the configured valid idToken
    And the driver plugs the EV in at the configured connector
    And the station regains its connection while the test system holds its TransactionEventResponses
    # Part 6 steps 1-2
    Then the Charging Station sends its queued TransactionEventRequests, those with an idToken answered Invalid, each with:
      | offline | true |
    # Part 6 steps 3-4
    And the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Ended        |
      | triggerReason                 | Deauthorized |
      | transactionInfo.stoppedReason | DeAuthorized |
    # Clean-up (not a Part 6 step): unplug, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
