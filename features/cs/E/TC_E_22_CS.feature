@TC_E_22_CS
Feature: TC_E_22_CS Stop transaction options - EnergyTransfer stopped - SuspendedEV
  A station configured to end transactions when the energy transfer stops ends the transaction when the EV pauses
  charging, and says the EV stopped it.

  Scenario: the EV suspends charging; the transaction ends
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStopPoint contains EnergyTransfer (set as the only stop point); energy flows
    And the Charging Station variable "TxCtrlr.TxStopPoint" is "EnergyTransfer" for this case
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2 (manual action: the EV suspends the energy transfer). Decision: Part 6's rows pair the
    # charging state and the event type in two contradicting ways; with EnergyTransfer as the stop point the
    # transaction must end, so an Ended event with stoppedReason StoppedByEV is required, in either charging state.
    When the EV suspends the energy transfer
    Then the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Ended                        |
      | triggerReason                 | ChargingStateChanged         |
      | transactionInfo.chargingState | one of EVConnected, SuspendedEV |
      | transactionInfo.stoppedReason | StoppedByEV                  |
    # Clean-up (not a Part 6 step): unplug, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
