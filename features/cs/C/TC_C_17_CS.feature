@TC_C_17_CS
Feature: TC_C_17_CS Authorization through authorization cache - StopTxOnInvalidId = false
  A token the station accepts from its cache while offline starts charging; when the CSMS, once reachable again, calls
  the token Invalid, a station with StopTxOnInvalidId false and no energy allowance keeps the transaction but stops
  the energy.

  Scenario: an offline start from the cache, refused afterwards; the station stops the energy
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state. Decision (as in TC_C_08_CS): the memory state comes before the configuration state.
    And the memory state IdTokenCached is reached for the configured valid idToken
    # Part 6 configuration state. Decision: MaxEnergyOnInvalidId is optional (Part 5 C-03), so it is set to 0 where the
    # station implements it.
    And the Charging Station variable "AuthCacheCtrlr.AuthCacheEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.LocalPreAuthorize" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCtrlr.OfflineTxForUnknownIdEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "TxCtrlr.StopTxOnInvalidId" is set to "false" for this case
    And the Charging Station variable "TxCtrlr.MaxEnergyOnInvalidId" is set to "0" for this case, if implemented
    And the reusable state EVConnectedPreSession is reached
    # Part 6 step 1: offline (the bench's network action), the cached token presented. Decision: Part 6's 5 s wait
    # before the reconnection is the configured transaction duration, which the lab chooses for its bench.
    When the station loses its connection to the test system
    And the driver presents the configured valid idToken
    And the configured transaction duration has passed
    # Part 6 step 2
    And the station regains its connection while the test system holds its TransactionEventResponses
    # Part 6 steps 3-4 (Part 6 lists these checks under step 2): every queued event is offline, the one naming the
    # token is answered Invalid; it names the configured valid idToken and says Authorized
    Then the Charging Station sends its queued TransactionEventRequests, those with an idToken answered Invalid, each with:
      | offline | true |
    And one of the queued TransactionEventRequests has:
      | triggerReason   | Authorized                       |
      | idToken.idToken | <configured valid idToken>       |
      | idToken.type    | <configured valid idToken type>  |
    # Part 6 steps 5-6. Decision: Part 6 writes "triggerReason SuspendedEVSE", which is no TriggerReasonEnumType value;
    # the energy stop is a charging-state change to SuspendedEVSE, and the transaction goes on (no Ended event).
    And the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Updated              |
      | triggerReason                 | ChargingStateChanged |
      | transactionInfo.chargingState | SuspendedEVSE        |
    # Clean-up (not a Part 6 step): unplug, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
