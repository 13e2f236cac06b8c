@TC_E_26_CS
Feature: TC_E_26_CS Disconnect cable on EV-side - Suspend transaction
  A station that keeps the authorization when the EV side of the cable is pulled keeps the transaction open, and
  charges again when the EV is plugged back in.

  Scenario: the EV side is disconnected and reconnected; charging resumes in the same transaction
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStopPoint contains Authorized (set as the only stop point, so pulling the cable does not end
    # the transaction), UnlockOnEVSideDisconnect and StopTxOnEVSideDisconnect false; the EV pauses charging
    And the Charging Station variable "TxCtrlr.TxStopPoint" is "Authorized" for this case
    And the Charging Station variable "OCPPCommCtrlr.UnlockOnEVSideDisconnect" is "false" for this case
    And the Charging Station variable "TxCtrlr.StopTxOnEVSideDisconnect" is "false" for this case
    And the reusable state EnergyTransferSuspended is reached
    # Part 6 steps 1-2 (manual action: disconnect on the EV side)
    When the EV is disconnected on the EV side
    Then the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Updated             |
      | triggerReason                 | EVCommunicationLost |
      | transactionInfo.chargingState | Idle                |
    # Part 6 steps 3-4 (a station with an attached cable reports the connector free)
    And the Charging Station reports the status of the configured connector as "Available"
    # Part 6 steps 5-6 (manual action: reconnect on the EV side, before the EV connection timeout)
    When the driver plugs the EV in at the configured connector
    Then the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Updated        |
      | triggerReason                 | CablePluggedIn |
      | transactionInfo.chargingState | EVConnected    |
    # Part 6 steps 7-8
    And the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Updated              |
      | triggerReason                 | ChargingStateChanged |
      | transactionInfo.chargingState | Charging             |
    # Clean-up (not a Part 6 step): unplug and end the transaction, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
