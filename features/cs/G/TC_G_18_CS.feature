@TC_G_18_CS
Feature: TC_G_18_CS Change Availability EVSE - state persists across reboot
  An EVSE made inoperative stays so through a reboot: after booting, its connectors are reported Unavailable and the
  others Available.

  Scenario: make the configured EVSE inoperative, then reset the station
    Given the Charging Station is connected, accepted and idle
    And every connector is made Operative again when the case ends
    # Part 6 steps 1-2
    When the test system sends a ChangeAvailabilityRequest with:
      | operationalStatus | Inoperative         |
      | evse.id           | <configured evseId> |
    Then the Charging Station responds with a ChangeAvailabilityResponse with:
      | status | Accepted |
    # Part 6 steps 3-4 (Part 6 would take a report of another EVSE too, as long as it says Available; none is due)
    And the Charging Station reports the connectors of the EVSE as "Unavailable"
    # Part 6 step 5: reusable state Booted (reset, boot, reports), the EVSE still Unavailable after the boot
    When the test system sends a ResetRequest with:
      | type | Immediate |
    Then the Charging Station responds with a ResetResponse with:
      | status | Accepted |
    And the Charging Station reboots, reporting the connectors of the EVSE as "Unavailable" and every other connector as "Available"
