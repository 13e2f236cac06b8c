@TC_G_21_CS
Feature: TC_G_21_CS Change Availability Charging Station - state persists across reboot
  A station made inoperative stays so through a reboot: after booting every connector is reported Unavailable.

  Scenario: make the station inoperative, then reset it
    Given the Charging Station is connected, accepted and idle
    And every connector is made Operative again when the case ends
    And the reusable state Unavailable is reached for the ChargingStation
    # Part 6 step 1: reusable state Booting
    When the test system sends a ResetRequest with:
      | type | Immediate |
    Then the Charging Station responds with a ResetResponse with:
      | status | Accepted |
    # Part 6 steps 2-7: boot (answered Accepted), the connector reports, the start-up security event
    And the Charging Station reboots, reporting the connectors of the ChargingStation as "Unavailable" and every other connector as "Available"
