@TC_G_07_CS
Feature: TC_G_07_CS Change Availability Connector - Operative to inoperative
  Set inoperative, the configured connector reports every connector it covers Unavailable.

  Scenario: make the configured connector inoperative
    Given the Charging Station is connected, accepted and idle
    And every connector is made Operative again when the case ends
    # Part 6 step 1 (and the post-scenario check: a report for every connector it covers)
    When the reusable state Unavailable is executed for the connector
    # Clean-up (not a Part 6 step): every connector Operative again (registered above, runs however the case ends).
