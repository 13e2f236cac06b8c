@TC_G_14_CSMS
Feature: TC_G_14_CSMS Change Availability Charging Station - With ongoing transaction
  While a transaction runs, an operator has the CSMS take the whole station out of service. The station schedules the
  change: the idle connectors go Unavailable at once, the busy one after its transaction; the CSMS takes every report.

  Scenario: the station change is scheduled until the transaction is over
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 step 1
    # The operator asks for the station to be Inoperative
    When the operator makes the CSMS send a ChangeAvailabilityRequest with:
      | operationalStatus | Inoperative |
    Then the CSMS sends a ChangeAvailabilityRequest with:
      | operationalStatus | Inoperative |
      | evse              | absent      |
    # Part 6 step 2
    And the test system responds with a ChangeAvailabilityResponse with status Scheduled
    # Part 6 steps 3-4
    # The connectors without the transaction
    # (a station with a single connector has none besides the configured one: the step then reports nothing)
    And the test system reports every connector except the configured one as "Unavailable"
    # Part 6 steps 5-7
    # StopAuthorized lets the configured transaction duration pass first
    When the reusable state StopAuthorized is executed
    And the reusable state EVConnectedPostSession is executed
    And the reusable state EVDisconnected is executed
    # Part 6 steps 8-9
    # Every report must be answered
    Then the test system reports the configured connector as "Unavailable"
