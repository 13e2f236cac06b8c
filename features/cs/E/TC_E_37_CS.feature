@TC_E_37_CS
Feature: TC_E_37_CS Stop transaction options - PowerPathClosed - EV side disconnect
  A station configured to end transactions when the power path opens ends the transaction when the EV side of the
  cable is pulled.

  Scenario: the EV side is disconnected while the EV pauses; the transaction ends
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStopPoint contains PowerPathClosed (set as the only stop point), StopTxOnEVSideDisconnect false
    And the Charging Station variable "TxCtrlr.TxStopPoint" is "PowerPathClosed" for this case
    And the Charging Station variable "TxCtrlr.StopTxOnEVSideDisconnect" is "false" for this case, if implemented
    And the reusable state EnergyTransferSuspended is reached
    # Part 6 steps 1-2 (manual action: disconnect on the EV side)
    When the EV is disconnected on the EV side
    Then the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Ended                              |
      | triggerReason                 | EVCommunicationLost                |
      | transactionInfo.chargingState | Idle                               |
      | transactionInfo.stoppedReason | one of EVDisconnected, StoppedByEV |
    # Clean-up (not a Part 6 step): nothing left open, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
