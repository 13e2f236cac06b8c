@TC_G_03_CSMS
Feature: TC_G_03_CSMS Change Availability EVSE - Operative to inoperative
  Asked by an operator, the CSMS takes one EVSE out of service with a ChangeAvailabilityRequest addressed to that EVSE
  only, and takes the Unavailable reports of its connectors.

  Scenario: the configured EVSE becomes Inoperative
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the reusable state Unavailable is executed for the configured EVSE
