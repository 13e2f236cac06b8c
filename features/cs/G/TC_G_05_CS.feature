@TC_G_05_CS
Feature: TC_G_05_CS Change Availability Charging Station - Operative to inoperative
  Set inoperative, the whole station reports every connector it covers Unavailable.

  Scenario: make the whole station inoperative
    Given the Charging Station is connected, accepted and idle
    And every connector is made Operative again when the case ends
    # Part 6 step 1 (and the post-scenario check: a report for every connector it covers)
    When the reusable state Unavailable is executed for the ChargingStation
    # Clean-up (not a Part 6 step): every connector Operative again (registered above, runs however the case ends).
