@TC_G_06_CS
Feature: TC_G_06_CS Change Availability Charging Station - Inoperative to operative
  Made operative again, the whole station reports every connector it covers Available.

  Scenario: make the whole station operative after it was inoperative
    Given the Charging Station is connected, accepted and idle
    And every connector is made Operative again when the case ends
    And the reusable state Unavailable is reached for the ChargingStation
    # Part 6 steps 1-2
    When the test system sends a ChangeAvailabilityRequest with:
      | operationalStatus | Operative |
    Then the Charging Station responds with a ChangeAvailabilityResponse with:
      | status | Accepted |
    # Part 6 steps 3-4 (and the post-scenario check: a report for every connector it covers)
    And the Charging Station reports the connectors of the ChargingStation as "Available"
