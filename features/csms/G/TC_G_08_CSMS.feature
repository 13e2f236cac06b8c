@TC_G_08_CSMS
Feature: TC_G_08_CSMS Change Availability Connector - Inoperative to operative
  With the configured connector out of service, an operator has the CSMS put it back into service; the request must
  name the EVSE and the connector, and the CSMS takes the connector's Available report.

  Scenario: the configured connector becomes Operative again
    Given the test system is connected to the CSMS and accepted
    # Memory state: the configured connector is Unavailable
    And the reusable state Unavailable is reached for the configured connector
    # Part 6 step 1
    # Manual action: the operator asks for the connector to be Operative
    When the operator makes the CSMS send a ChangeAvailabilityRequest with:
      | operationalStatus | Operative                |
      | evse.id           | <configured evseId>      |
      | evse.connectorId  | <configured connectorId> |
    Then the CSMS sends a ChangeAvailabilityRequest with:
      | operationalStatus | Operative                |
      | evse.id           | <configured evseId>      |
      | evse.connectorId  | <configured connectorId> |
    # Part 6 step 2
    And the test system responds with a ChangeAvailabilityResponse with status Accepted
    # Part 6 steps 3-4
    And the test system reports the configured connector as "Available"
