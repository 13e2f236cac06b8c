@TC_G_11_CSMS
Feature: TC_G_11_CSMS Change Availability EVSE - With ongoing transaction
  While a transaction runs on the configured EVSE, an operator has the CSMS take that EVSE out of service. The station
  schedules the change, the transaction ends, and the CSMS takes the Unavailable reports that follow.

  Scenario: the EVSE change is scheduled until the transaction is over
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 step 1
    # The operator asks for the EVSE to be Inoperative
    When the operator makes the CSMS send a ChangeAvailabilityRequest with:
      | operationalStatus | Inoperative         |
      | evse.id           | <configured evseId> |
    Then the CSMS sends a ChangeAvailabilityRequest with:
      | operationalStatus | Inoperative         |
      | evse.id           | <configured evseId> |
      | evse.connectorId  | absent              |
    # Part 6 step 2
    And the test system responds with a ChangeAvailabilityResponse with status Scheduled
    # Part 6 steps 3-5
    # StopAuthorized lets the configured transaction duration pass first
    When the reusable state StopAuthorized is executed
    And the reusable state EVConnectedPostSession is executed
    And the reusable state EVDisconnected is executed
    # Part 6 steps 6-7
    # Every report must be answered
    Then the test system reports the connectors of the configured EVSE as "Unavailable"
