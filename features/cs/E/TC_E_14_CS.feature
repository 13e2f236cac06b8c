@TC_E_14_CS
Feature: TC_E_14_CS Stop transaction options - EVDisconnected - Charging Station side
  A station configured to end transactions when the EV is disconnected keeps the transaction open after a local stop
  and ends it when the cable is pulled at the station.

  Scenario: charging stopped, then the cable is unplugged; the transaction ends
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStopPoint contains EVConnected; the session was stopped (EVConnectedPostSession: the stop
    # event, chargingState EVConnected, is what the StopAuthorized state judges)
    And the Charging Station variable "TxCtrlr.TxStopPoint" is "EVConnected" for this case
    And the reusable state StopAuthorized is reached
    # Part 6 steps 1-2 (manual action: disconnect the EV)
    When the driver unplugs the EV at the configured connector
    Then the Charging Station reports the status of the configured connector as "Available"
    # Part 6 steps 3-4 (the session was stopped locally, so Remote is not expected)
    And the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Ended                                  |
      | triggerReason                 | EVCommunicationLost                    |
      | transactionInfo.chargingState | Idle                                   |
      | transactionInfo.stoppedReason | absent or one of Local, EVDisconnected |
    # Clean-up (not a Part 6 step): nothing left open, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
