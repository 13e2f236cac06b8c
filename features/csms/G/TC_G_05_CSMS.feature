@TC_G_05_CSMS
Feature: TC_G_05_CSMS Change Availability Charging Station - Operative to inoperative
  Asked by an operator, the CSMS takes the whole station out of service with a ChangeAvailabilityRequest that names no
  EVSE, and takes the Unavailable reports of every connector.

  Scenario: the Charging Station becomes Inoperative
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    # Manual action: the operator asks for the station to be Inoperative
    When the operator makes the CSMS send a ChangeAvailabilityRequest with:
      | operationalStatus | Inoperative |
    Then the CSMS sends a ChangeAvailabilityRequest with:
      | operationalStatus | Inoperative |
      | evse              | absent      |
    # Part 6 step 2
    And the test system responds with a ChangeAvailabilityResponse with status Accepted
    # Part 6 steps 3-4
    And the test system reports every connector as "Unavailable"
