@TC_E_09_CS
Feature: TC_E_09_CS Start transaction options - EVConnected
  A station configured to start transactions when the EV is connected opens one as soon as the cable is plugged in,
  before anyone is authorized.

  Scenario: the EV is plugged in; the transaction starts
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStartPoint contains EVConnected (when writable). The ParkingBayOccupied state is optional and
    # sends nothing under this start point, so it is left out: benches without a bay sensor run the case unchanged.
    And the Charging Station variable "TxCtrlr.TxStartPoint" is "EVConnected" for this case
    # Part 6 steps 1-2 (manual action: connect the EV)
    When the driver plugs the EV in at the configured connector
    Then the Charging Station reports the status of the configured connector as "Occupied"
    # Part 6 steps 3-4
    And the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Started                                     |
      | triggerReason                 | one of CablePluggedIn, ChargingStateChanged |
      | evse.id                       | present                                     |
      | evse.connectorId              | present                                     |
      | transactionInfo.chargingState | EVConnected                                 |
    # Clean-up (not a Part 6 step): unplug and end the transaction, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
