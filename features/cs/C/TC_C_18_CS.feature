@TC_C_18_CS
Feature: TC_C_18_CS Authorization through authorization cache - StopTxOnInvalidId = true, MaxEnergyOnInvalidId > 0
  A token the station accepts from its cache while offline starts charging; when the CSMS, once reachable again, calls
  the token Invalid, a station with StopTxOnInvalidId true deauthorizes the transaction, whatever energy
  MaxEnergyOnInvalidId would allow.

  Scenario: an offline start from the cache, refused afterwards; the station deauthorizes despite the allowance
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state. Decision (as in TC_C_08_CS): the memory state comes before the configuration state.
    And the memory state IdTokenCached is reached for the configured valid idToken
    # Part 6 configuration state. Decision: OfflineThreshold, RetryBackOffWaitMinimum and RetryBackOffRandomRange only
    # shape Part 6's way of going offline (refusing reconnections); here the bench's network action takes the station
    # offline and back, so they are left as they are.
    And the Charging Station variable "AuthCacheCtrlr.AuthCacheEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.LocalPreAuthorize" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCtrlr.LocalAuthorizeOffline" is set to "true" for this case
    And the Charging Station variable "AuthCtrlr.OfflineTxForUnknownIdEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "TxCtrlr.StopTxOnInvalidId" is set to "true" for this case
    And the Charging Station variable "TxCtrlr.MaxEnergyOnInvalidId" is set to "500" for this case
    And the reusable state EVConnectedPreSession is reached
    # Part 6 step 1: offline (the bench's network action), the cached token presented, the transaction duration
    When the station loses its connection to the test system
    And the driver presents the configured valid idToken
    And the configured transaction duration has passed
    # Part 6 step 2
    And the station regains its connection while the test system holds its TransactionEventResponses
    # Part 6 steps 3-4: every queued event is offline; the one naming the token is answered Invalid
    Then the Charging Station sends its queued TransactionEventRequests, those with an idToken answered Invalid, each with:
      | offline | true |
    # Part 6 step 3: one queued event says the energy flows. Decision: a station may report the authorization and the
    # start of the energy in one event (triggerReason Authorized), as the reusable state EnergyTransferStarted allows.
    And one of the queued TransactionEventRequests has:
      | triggerReason                 | one of ChargingStateChanged, Authorized |
      | transactionInfo.chargingState | Charging                                |
    # Part 6 steps 5-6: the deauthorization is sent online (offline false, or left out: its default)
    And the Charging Station sends a TransactionEventRequest with:
      | triggerReason | Deauthorized    |
      | offline       | absent or false |
    # Clean-up (not a Part 6 step): unplug, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
