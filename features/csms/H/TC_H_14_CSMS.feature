@TC_H_14_CSMS
Feature: TC_H_14_CSMS Reserve an unspecified EVSE - Amount of EVSEs available equals the amount of reservations
  Asked by an operator, the CSMS reserves an unspecified EVSE as many times as the station has EVSEs; the station
  then reports every connector reserved and the CSMS takes each report.

  # Decision where Part 6 is silent: every reservation is for the configured valid idToken, each with its own id.
  Scenario: as many reservations as EVSEs reserve the whole station
    Given the test system is connected to the CSMS and accepted
    # Part 6 steps 1-2
    When the operator makes the CSMS reserve an unspecified EVSE once for every EVSE of the test system's station, each accepted
    # Part 6 steps 3-4
    And the test system reports every connector as "Reserved"
