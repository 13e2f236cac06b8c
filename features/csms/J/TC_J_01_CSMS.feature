@TC_J_01_CSMS
Feature: TC_J_01_CSMS Clock-aligned Meter Values - No transaction ongoing
  With no transaction running, the station reports clock-aligned readings of its main meter and of every EVSE, both as
  MeterValues and as periodic FiscalMetering events; the CSMS answers each of them.

  Scenario: three clock-aligned reports of an idle station
    Given the test system is connected to the CSMS and accepted
    # repeated at three clock-aligned instants, for evseId 0 and every configured EVSE
    # Part 6 steps 1-2
    When the test system reports clock-aligned meter values three times
    Then the CSMS answers every one of those meter value messages
