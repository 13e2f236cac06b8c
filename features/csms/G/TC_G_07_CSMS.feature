@TC_G_07_CSMS
Feature: TC_G_07_CSMS Change Availability Connector - Operative to inoperative
  Asked by an operator, the CSMS takes one connector out of service with a ChangeAvailabilityRequest naming both its
  EVSE and the connector, and takes the Unavailable report of that connector.

  Scenario: the configured connector becomes Inoperative
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    # Manual action: the operator asks for the connector to be Inoperative
    When the operator makes the CSMS send a ChangeAvailabilityRequest with:
      | operationalStatus | Inoperative              |
      | evse.id           | <configured evseId>      |
      | evse.connectorId  | <configured connectorId> |
    Then the CSMS sends a ChangeAvailabilityRequest with:
      | operationalStatus | Inoperative              |
      | evse.id           | <configured evseId>      |
      | evse.connectorId  | <configured connectorId> |
    # Part 6 step 2
    And the test system responds with a ChangeAvailabilityResponse with status Accepted
    # Part 6 steps 3-4
    And the test system reports the configured connector as "Unavailable"
