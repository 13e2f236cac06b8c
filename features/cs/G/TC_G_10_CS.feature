@TC_G_10_CS
Feature: TC_G_10_CS Change Availability EVSE - Inoperative to inoperative
  Asking the configured EVSE, already inoperative, to be inoperative is accepted, and it stays Unavailable.

  Scenario: ask for the availability already in force
    Given the Charging Station is connected, accepted and idle
    And every connector is made Operative again when the case ends
    And the reusable state Unavailable is reached for the EVSE
    # Part 6 asks afterwards for a status report of every connector: for an unchanged state we take the reports
    # the station gave when the state was set (nothing changes, so a station need not report again).
    # Part 6 steps 1-2
    When the test system sends a ChangeAvailabilityRequest with:
      | operationalStatus | Inoperative         |
      | evse.id           | <configured evseId> |
    Then the Charging Station responds with a ChangeAvailabilityResponse with:
      | status | Accepted |
