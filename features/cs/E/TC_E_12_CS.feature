@TC_E_12_CS
Feature: TC_E_12_CS Start transaction options - ParkingBayOccupied
  A station configured to start transactions when its parking bay is occupied opens one as soon as an EV is detected
  in the bay, before any cable or token.

  Scenario: an EV drives into the bay; the transaction starts
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStartPoint contains ParkingBayOccupancy (when writable)
    And the Charging Station variable "TxCtrlr.TxStartPoint" is "ParkingBayOccupancy" for this case
    # Part 6 steps 1-2 (manual action: drive the EV into the parking bay)
    When an EV drives into the parking bay of the configured EVSE
    Then the Charging Station sends a TransactionEventRequest with:
      | eventType     | Started    |
      | triggerReason | EVDetected |
    # Clean-up (not a Part 6 step): the EV leaves, the transaction ends, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
