@TC_E_25_CS
Feature: TC_E_25_CS Disconnect cable on EV-side - Deauthorize transaction - UnlockOnEVSideDisconnect is false
  A station told to end the authorization when the EV side of the cable is pulled reports the EV gone and keeps
  the cable locked at the station until the driver comes back; the connector is then free.

  Scenario: the EV side is disconnected while the EV pauses
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: StopTxOnEVSideDisconnect true, UnlockOnEVSideDisconnect false; the EV pauses charging
    And the Charging Station variable "TxCtrlr.StopTxOnEVSideDisconnect" is "true" for this case
    And the Charging Station variable "OCPPCommCtrlr.UnlockOnEVSideDisconnect" is "false" for this case
    And the reusable state EnergyTransferSuspended is reached
    # Part 6 steps 1-2 (manual action: disconnect on the EV side)
    When the EV is disconnected on the EV side
    Then the Charging Station sends a TransactionEventRequest with:
      | triggerReason                 | EVCommunicationLost |
      | transactionInfo.chargingState | Idle                |
    # Part 6 steps 3-4 (presenting the token and the station-side disconnect apply to a detachable cable; with the
    # bench's single unplug action the connector is free at once)
    And the Charging Station reports the status of the configured connector as "Available"
    # Clean-up (not a Part 6 step): nothing left open, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
