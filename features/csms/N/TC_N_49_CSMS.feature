@TC_N_49_CSMS
Feature: TC_N_49_CSMS Alert Event - LowerThreshold/UpperThreshold cleared after reboot
  A threshold monitor's problem is over (found cleared after a reboot); the station reports the event as cleared and
  the CSMS acknowledges it.

  # Decision: Part 6 shows only the event; the test system does not reboot first.
  Scenario: a cleared threshold event
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the test system sends a NotifyEventRequest with:
      | eventData[0].trigger               | Alerting                        |
      | eventData[0].actualValue           | "11000"                         |
      | eventData[0].cleared               | true                            |
      | eventData[0].eventNotificationType | CustomMonitor                   |
      | eventData[0].variableMonitoringId  | 1                               |
      | eventData[0].component             | {"name":"EVSE","evse":{"id":1}} |
      | eventData[0].variable              | {"name":"Power"}                |
    # Part 6 step 2
    Then the CSMS responds with a NotifyEventResponse
