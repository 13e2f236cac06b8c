@TC_G_04_CSMS
Feature: TC_G_04_CSMS Change Availability EVSE - Inoperative to operative
  With the configured EVSE out of service, an operator has the CSMS put it back into service; the request must address
  that EVSE only, and the CSMS takes the Available reports of its connectors.

  Scenario: the configured EVSE becomes Operative again
    Given the test system is connected to the CSMS and accepted
    # Memory state: the configured EVSE is Unavailable
    And the reusable state Unavailable is reached for the configured EVSE
    # Part 6 step 1
    # Manual action: the operator asks for the EVSE to be Operative
    When the operator makes the CSMS send a ChangeAvailabilityRequest with:
      | operationalStatus | Operative           |
      | evse.id           | <configured evseId> |
    Then the CSMS sends a ChangeAvailabilityRequest with:
      | operationalStatus | Operative           |
      | evse.id           | <configured evseId> |
      | evse.connectorId  | absent              |
    # Part 6 step 2
    And the test system responds with a ChangeAvailabilityResponse with status Accepted
    # Part 6 steps 3-4
    And the test system reports the connectors of the configured EVSE as "Available"
