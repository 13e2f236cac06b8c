@TC_J_02_CSMS
Feature: TC_J_02_CSMS Clock-aligned Meter Values - Transaction ongoing
  During a transaction the station reports clock-aligned readings: MeterValues and FiscalMetering events for the main
  meter and the idle EVSEs, and a MeterValueClock transaction event for the charging EVSE; the CSMS answers each.

  Scenario: clock-aligned reports while charging
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # repeated at every clock-aligned instant of the configured transaction duration
    # Part 6 steps 1-4
    When the test system reports clock-aligned meter values until the configured transaction duration has passed
    Then the CSMS answers every one of those meter value messages
