@TC_G_06_CSMS
Feature: TC_G_06_CSMS Change Availability Charging Station - Inoperative to operative
  With the whole station out of service, an operator has the CSMS put it back into service with a request that names no
  EVSE; the CSMS takes the Available reports of every connector.

  Scenario: the Charging Station becomes Operative again
    Given the test system is connected to the CSMS and accepted
    # Reusable state: the station was Available and is set to Unavailable
    And the reusable state Unavailable is reached for the Charging Station
    # Part 6 step 1
    # Manual action: the operator asks for the station to be Operative
    When the operator makes the CSMS send a ChangeAvailabilityRequest with:
      | operationalStatus | Operative |
    Then the CSMS sends a ChangeAvailabilityRequest with:
      | operationalStatus | Operative |
      | evse              | absent    |
    # Part 6 step 2
    And the test system responds with a ChangeAvailabilityResponse with status Accepted
    # Part 6 steps 3-4
    And the test system reports every connector as "Available"
