@TC_C_26_CS
Feature: TC_C_26_CS Offline Authorization - Unknown Id
  Offline, a station configured to do so starts a transaction for a token it does not know. Once the CSMS is reachable
  again and calls the token Invalid, a station with StopTxOnInvalidId false and no energy allowance stops the energy
  but keeps the transaction, which the driver then ends with the same token.

  Scenario: an unknown idToken starts an offline transaction; the CSMS refuses it afterwards
    Given the Charging Station is connected, accepted and idle
    # Part 6 configuration state
    And the Charging Station variable "LocalAuthListCtrlr.Enabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.LocalPreAuthorize" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCtrlr.OfflineTxForUnknownIdEnabled" is set to "true" for this case
    And the Charging Station variable "AuthCtrlr.LocalAuthorizeOffline" is set to "true" for this case
    And the Charging Station variable "TxCtrlr.MaxEnergyOnInvalidId" is set to "0" for this case, if implemented
    And the Charging Station variable "TxCtrlr.StopTxOnInvalidId" is set to "false" for this case
    # Decision (Part 6's memory state is N/a): the authorization cache is emptied first, so the station does not know
    # the configured valid idToken from an earlier case. Its answer is not judged: a station without a cache may
    # reject the request.
    When the test system sends a ClearCacheRequest
    Then the Charging Station responds with a ClearCacheResponse
    # Part 6 reusable state StartOfflineTransaction (as in TC_E_16_CS the parking bay step is left out: it needs a bay
    # sensor). Decision: Part 6's "idToken" is the configured valid idToken, the one that later stops the transaction.
    When the station loses its connection to the test system
    And the driver presents the configured valid idToken
    And the driver plugs the EV in at the configured connector
    And the station regains its connection while the test system holds its TransactionEventResponses
    # Part 6 steps 1-2: every queued event is offline; the one naming the token is answered Invalid
    Then the Charging Station sends its queued TransactionEventRequests, those with an idToken answered Invalid, each with:
      | offline | true |
    # Part 6 step 1, "one of the messages ... SuspendedEVSE". Decision: the energy stops in answer to the Invalid, so
    # that event follows the queue (it is sent online); the transaction goes on.
    And the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Updated              |
      | triggerReason                 | ChargingStateChanged |
      | transactionInfo.chargingState | SuspendedEVSE        |
    # Part 6 steps 3-4 (errata 2024-11: the reusable state StopAuthorized): the driver presents the valid idToken again
    When the driver presents the configured valid idToken
    Then the Charging Station sends a TransactionEventRequest with:
      | triggerReason | StopAuthorized |
    # Part 6 steps 4-5 of the errata (EVConnectedPostSession, EVDisconnected): unplug, the station is left idle
    When the station is left idle: EV unplugged, no transaction open
