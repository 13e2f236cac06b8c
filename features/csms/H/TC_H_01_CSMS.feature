@TC_H_01_CSMS
Feature: TC_H_01_CSMS Reserve a specific EVSE - Accepted - Valid idToken
  Asked by an operator, the CSMS reserves the configured EVSE for the configured valid idToken and takes the
  station's reports that the EVSE's connectors are now reserved.

  Scenario: the configured EVSE is reserved
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the reusable state Reserved is executed
