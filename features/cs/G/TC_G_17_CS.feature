@TC_G_17_CS
Feature: TC_G_17_CS Change Availability Connector - With ongoing transaction
  Asked to make a charging connector inoperative, the station schedules the change; once the transaction ends the
  connector is reported Unavailable.

  Scenario: make the charging connector inoperative
    Given the Charging Station is connected, accepted and idle
    And every connector is made Operative again when the case ends
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system sends a ChangeAvailabilityRequest with:
      | operationalStatus | Inoperative              |
      | evse.id           | <configured evseId>      |
      | evse.connectorId  | <configured connectorId> |
    Then the Charging Station responds with a ChangeAvailabilityResponse with:
      | status | Scheduled |
    # Part 6 step 3 (the state waits the configured transaction duration first)
    When the reusable state StopAuthorized is executed
    # Part 6 steps 4-5, due only if the stop ended the transaction
    Then if the transaction has ended, the Charging Station reports the connectors of the connector as "Unavailable"
    # Part 6 steps 6-14: EVConnectedPostSession to ParkingBayUnoccupied come down to the EV leaving here; a transaction
    # still open ends with it, and only then is the report due.
    When the EV leaves; if the transaction was still open it ends and the connectors of the connector are reported as "Unavailable"
