@TC_E_17_CS
Feature: TC_E_17_CS Stop transaction options - Deauthorized - EV side disconnect
  A station configured to end transactions when authorization ends, and to end the authorization when the EV side
  is disconnected, ends the transaction when the EV side of the cable is pulled.

  Scenario: the EV side is disconnected while the EV pauses; the transaction ends
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStopPoint contains Authorized (set as the only stop point, as the prerequisite excludes
    # EVConnected), StopTxOnEVSideDisconnect true, UnlockOnEVSideDisconnect false; the EV pauses charging
    And the Charging Station variable "TxCtrlr.TxStopPoint" is "Authorized" for this case
    And the Charging Station variable "TxCtrlr.StopTxOnEVSideDisconnect" is "true" for this case
    And the Charging Station variable "OCPPCommCtrlr.UnlockOnEVSideDisconnect" is "false" for this case
    And the Charging Station variable "AuthCtrlr.AuthEnabled" is set to "true" if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is set to "false" if implemented
    And the reusable state EnergyTransferSuspended is reached
    # Part 6 steps 1-2 (manual action: disconnect on the EV side)
    When the EV is disconnected on the EV side
    Then the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Ended               |
      | triggerReason                 | EVCommunicationLost |
      | transactionInfo.chargingState | Idle                |
      | transactionInfo.stoppedReason | EVDisconnected      |
    # Part 6 steps 3-4 (presenting the token and the station-side disconnect apply to a detachable cable; with the
    # bench's single unplug action the connector is free at once)
    And the Charging Station reports the status of the configured connector as "Available"
    # Clean-up (not a Part 6 step): nothing left open, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
