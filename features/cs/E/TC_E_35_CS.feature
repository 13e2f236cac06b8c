@TC_E_35_CS
Feature: TC_E_35_CS Stop transaction options - PowerPathClosed - Remote stop
  A station configured to end transactions when the power path opens ends the transaction when the CSMS stops it
  remotely, and says the CSMS did.

  Scenario: the CSMS stops the transaction; it ends
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStopPoint contains PowerPathClosed; energy flows
    And the Charging Station variable "TxCtrlr.TxStopPoint" is "PowerPathClosed" for this case
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system sends a RequestStopTransactionRequest with:
      | transactionId | <transactionId> |
    Then the Charging Station responds with a RequestStopTransactionResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    And the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Ended      |
      | triggerReason                 | RemoteStop |
      | transactionInfo.stoppedReason | Remote     |
    # Clean-up (not a Part 6 step): unplug, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
