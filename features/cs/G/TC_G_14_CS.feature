@TC_G_14_CS
Feature: TC_G_14_CS Change Availability Charging Station - With ongoing transaction
  Asked to make the whole station inoperative while one EVSE charges, the station schedules the change: the idle EVSEs
  go Unavailable at once, the charging one when its transaction ends.

  Scenario: make the station inoperative while the configured EVSE charges
    Given the Charging Station is connected, accepted and idle
    And every connector is made Operative again when the case ends
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system sends a ChangeAvailabilityRequest with:
      | operationalStatus | Inoperative |
    Then the Charging Station responds with a ChangeAvailabilityResponse with:
      | status | Scheduled |
    # Part 6 steps 3-4: the EVSEs without a transaction
    And the Charging Station reports the connectors of the other EVSEs as "Unavailable"
    # Part 6 step 5 (the state waits the configured transaction duration first)
    When the reusable state StopAuthorized is executed
    # Part 6 steps 6-7, due only if the stop ended the transaction
    Then if the transaction has ended, the Charging Station reports the connectors of the EVSE as "Unavailable"
    # Part 6 steps 8-16: EVConnectedPostSession to ParkingBayUnoccupied come down to the EV leaving here; a transaction
    # still open ends with it, and only then is the report due.
    When the EV leaves; if the transaction was still open it ends and the connectors of the EVSE are reported as "Unavailable"
