@TC_J_09_CSMS
Feature: TC_J_09_CSMS Sampled Meter Values - EventType Updated
  While charging, the station reports a sampled reading of the transaction every sampled interval in a
  MeterValuePeriodic event; the CSMS answers each.

  Scenario: three sampled readings during the transaction
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # repeated every sampled interval, three times
    # Part 6 steps 1-2
    When the test system reports sampled meter values of the transaction three times
    Then the CSMS answers every one of those meter value messages
