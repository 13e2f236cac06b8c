@TC_E_54_CS
Feature: TC_E_54_CS Stop transaction options - EVDisconnected - EV side (not able to charge IEC 61851-1 EV)
  A station configured to end transactions when the EV is disconnected ends the transaction when the EV side of the
  cable is pulled, even when a pulled EV side alone does not end the authorization.

  Scenario: the EV side is disconnected while the EV pauses; the transaction ends
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStopPoint contains EVConnected, StopTxOnEVSideDisconnect false; the EV pauses charging
    And the Charging Station variable "TxCtrlr.TxStopPoint" contains "EVConnected" for this case
    And the Charging Station variable "TxCtrlr.StopTxOnEVSideDisconnect" is "false" for this case
    And the reusable state EnergyTransferSuspended is reached
    # Part 6 steps 1-2 (manual action: disconnect on the EV side)
    When the EV is disconnected on the EV side
    Then the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Ended               |
      | triggerReason                 | EVCommunicationLost |
      | transactionInfo.chargingState | Idle                |
      | transactionInfo.stoppedReason | one of StoppedByEV, EVDisconnected |
    # Clean-up (not a Part 6 step): nothing left open, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
