@TC_G_09_CS
Feature: TC_G_09_CS Change Availability EVSE - Operative to operative
  Asking the configured EVSE, already operative, to be operative is accepted.

  Scenario: ask for the availability already in force
    Given the Charging Station is connected, accepted and idle
    And every connector is made Operative again when the case ends
    # Part 6 steps 1-2
    When the test system sends a ChangeAvailabilityRequest with:
      | operationalStatus | Operative           |
      | evse.id           | <configured evseId> |
    Then the Charging Station responds with a ChangeAvailabilityResponse with:
      | status | Accepted |
