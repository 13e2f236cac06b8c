@TC_G_13_CS
Feature: TC_G_13_CS Change Availability Charging Station - Inoperative to inoperative
  Asking the whole station, already inoperative, to be inoperative is accepted, and it stays Unavailable.

  Scenario: ask for the availability already in force
    Given the Charging Station is connected, accepted and idle
    And every connector is made Operative again when the case ends
    And the reusable state Unavailable is reached for the ChargingStation
    # Part 6 steps 1-2
    When the test system sends a ChangeAvailabilityRequest with:
      | operationalStatus | Inoperative |
    Then the Charging Station responds with a ChangeAvailabilityResponse with:
      | status | Accepted |
    # Part 6 steps 3-4: Part 6 asks for the status of the connectors again here, though nothing changed
    And the Charging Station reports the connectors of the ChargingStation as "Unavailable"
