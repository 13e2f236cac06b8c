@TC_G_03_CS
Feature: TC_G_03_CS Change Availability EVSE - Operative to inoperative
  Set inoperative, the configured EVSE reports every connector it covers Unavailable.

  Scenario: make the configured EVSE inoperative
    Given the Charging Station is connected, accepted and idle
    And every connector is made Operative again when the case ends
    # Part 6 step 1 (and the post-scenario check: a report for every connector it covers)
    When the reusable state Unavailable is executed for the EVSE
    # Clean-up (not a Part 6 step): every connector Operative again (registered above, runs however the case ends).
