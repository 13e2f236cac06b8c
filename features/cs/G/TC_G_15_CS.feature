@TC_G_15_CS
Feature: TC_G_15_CS Change Availability Connector - Operative to operative
  Asking the configured connector, already operative, to be operative is accepted.

  Scenario: ask for the availability already in force
    Given the Charging Station is connected, accepted and idle
    And every connector is made Operative again when the case ends
    # Part 6 asks afterwards for a status report of every connector: for an unchanged state we take the reports
    # the station gave when the state was set (nothing changes, so a station need not report again).
    # Part 6 steps 1-2
    When the test system sends a ChangeAvailabilityRequest with:
      | operationalStatus | Operative                |
      | evse.id           | <configured evseId>      |
      | evse.connectorId  | <configured connectorId> |
    Then the Charging Station responds with a ChangeAvailabilityResponse with:
      | status | Accepted |
