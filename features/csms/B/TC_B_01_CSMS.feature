@TC_B_01_CSMS
Feature: TC_B_01_CSMS Cold Boot Charging Station - Accepted
  A registered station that boots is accepted by the CSMS.

  Scenario: boot is accepted
    Given the test system is connected to the CSMS
    # Part 6 step 1
    When the reusable state Booted is executed
