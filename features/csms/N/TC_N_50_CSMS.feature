@TC_N_50_CSMS
Feature: TC_N_50_CSMS Alert Event - Periodic Triggered
  A periodic monitor fires; the station reports the value with trigger Periodic and the CSMS acknowledges it.

  Scenario: a periodic event
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the test system sends a NotifyEventRequest with:
      | eventData[0].trigger               | Periodic              |
      | eventData[0].actualValue           | "7400"                |
      | eventData[0].eventNotificationType | CustomMonitor         |
      | eventData[0].variableMonitoringId  | 4                     |
      | eventData[0].component             | {"name":"EVSE","evse":{"id":1}} |
      | eventData[0].variable              | {"name":"Power"}      |
    # Part 6 step 2
    Then the CSMS responds with a NotifyEventResponse
