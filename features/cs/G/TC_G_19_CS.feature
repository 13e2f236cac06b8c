@TC_G_19_CS
Feature: TC_G_19_CS Change Availability Connector - state persists across reboot
  A connector made inoperative stays so through a reboot: after booting it is reported Unavailable and the others
  Available.

  Scenario: make the configured connector inoperative, then reset the station
    Given the Charging Station is connected, accepted and idle
    And every connector is made Operative again when the case ends
    And the reusable state Unavailable is reached for the connector
    # Part 6 step 1: reusable state Booting
    When the test system sends a ResetRequest with:
      | type | Immediate |
    Then the Charging Station responds with a ResetResponse with:
      | status | Accepted |
    # Part 6 steps 2-7: boot (answered Accepted), the connector reports, the start-up security event
    And the Charging Station reboots, reporting the connectors of the connector as "Unavailable" and every other connector as "Available"
