@TC_B_01_CS
Feature: TC_B_01_CS Cold Boot Charging Station - Accepted
  After a reset the station boots, is accepted, reports every connector and logs its restart.

  Scenario: reset, accepted boot, connectors reported
    Given the Charging Station is connected, accepted and idle
    # Part 6 step 1
    When the reusable state Booted is executed
