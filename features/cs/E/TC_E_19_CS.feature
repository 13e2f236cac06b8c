@TC_E_19_CS
Feature: TC_E_19_CS Stop transaction options - ParkingBayUnoccupied
  A station configured to end transactions when the parking bay is free keeps the transaction open after the cable
  is unplugged and ends it when the EV drives away.

  Scenario: a whole session in the bay; the transaction ends when the EV leaves
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStopPoint contains ParkingBayOccupancy (Part 6 writes ParkingBayOccupied); state EVDisconnected,
    # whose chain begins with the EV entering the bay: that optional state is the bay action here, since this stop
    # point needs a bay that was occupied.
    And the Charging Station variable "TxCtrlr.TxStopPoint" is "ParkingBayOccupancy" for this case
    And an EV drives into the parking bay of the configured EVSE
    And the reusable state EVDisconnected is reached
    # Part 6 steps 1-2 (manual action: drive the EV out of the bay; the session was stopped locally)
    When the EV leaves the parking bay of the configured EVSE
    Then the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Ended      |
      | triggerReason                 | EVDeparted |
      | transactionInfo.stoppedReason | Local      |
    # Clean-up (not a Part 6 step): nothing left open, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
