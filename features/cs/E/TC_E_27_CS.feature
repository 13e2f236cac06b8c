@TC_E_27_CS
Feature: TC_E_27_CS Disconnect cable on EV-side - Suspend transaction - Fixed cable connection timeout
  A station that keeps the authorization when the EV side of its fixed cable is pulled waits the EV connection
  timeout for the EV to come back; when it does not, the authorization ends, and with a stop point Authorized the
  transaction with it.

  Scenario: the EV side is disconnected and the EV does not come back in time
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStopPoint contains Authorized (set as the only stop point, so pulling the cable does not end
    # the transaction; a station that stops at ParkingBayOccupancy instead is judged by the Updated form of step 5),
    # UnlockOnEVSideDisconnect and StopTxOnEVSideDisconnect false; the EV pauses charging. Decision: the EV connection
    # timeout is 5 s (the run configuration has no separate value for it), set for this case and restored afterwards.
    And the Charging Station variable "TxCtrlr.TxStopPoint" is "Authorized" for this case
    And the Charging Station variable "OCPPCommCtrlr.UnlockOnEVSideDisconnect" is "false" for this case
    And the Charging Station variable "TxCtrlr.StopTxOnEVSideDisconnect" is "false" for this case
    And the EV connection timeout is "5" seconds for this case
    And the reusable state EnergyTransferSuspended is reached
    # Part 6 steps 1-2 (manual action: disconnect on the EV side)
    When the EV is disconnected on the EV side
    Then the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Updated             |
      | triggerReason                 | EVCommunicationLost |
      | transactionInfo.chargingState | Idle                |
    # Part 6 steps 3-4 (a station with an attached cable reports the connector free)
    And the Charging Station reports the status of the configured connector as "Available"
    # Part 6 steps 5-6. The errata (2025-04) removed the reconnection before step 5: the EV stays away and the EV
    # connection timeout runs out (trigger EVConnectTimeout; Ended with stoppedReason Timeout under TxStopPoint
    # Authorized, else Updated)
    When the EV connection timeout passes without a cable
    # Clean-up (not a Part 6 step): nothing is plugged in and no transaction is left open for the next case.
    When the station is left idle: EV unplugged, no transaction open
