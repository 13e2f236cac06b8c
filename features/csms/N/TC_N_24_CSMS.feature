@TC_N_24_CSMS
Feature: TC_N_24_CSMS Set Variable Monitoring - Periodic event
  The station reports the value of a monitored variable periodically; the CSMS acknowledges each report.

  # Decision: Part 6 repeats the exchange n times; the test system sends three periodic events.
  Scenario: three periodic events
    Given the test system is connected to the CSMS and accepted
    # Part 6 steps 1-2
    # (1st time)
    When the test system sends a NotifyEventRequest with:
      | eventData[0].trigger               | Periodic          |
      | eventData[0].actualValue           | "Available"       |
      | eventData[0].eventNotificationType | CustomMonitor     |
      | eventData[0].variableMonitoringId  | 4                 |
      | eventData[0].component             | {"name":"EVSE","evse":{"id":1}} |
    Then the CSMS responds with a NotifyEventResponse
    # Part 6 steps 1-2
    # (2nd time)
    When the test system sends a NotifyEventRequest with:
      | eventData[0].trigger               | Periodic          |
      | eventData[0].actualValue           | "Available"       |
      | eventData[0].eventNotificationType | CustomMonitor     |
      | eventData[0].variableMonitoringId  | 4                 |
      | eventData[0].component             | {"name":"EVSE","evse":{"id":1}} |
    Then the CSMS responds with a NotifyEventResponse
    # Part 6 steps 1-2
    # (3rd time)
    When the test system sends a NotifyEventRequest with:
      | eventData[0].trigger               | Periodic          |
      | eventData[0].actualValue           | "Occupied"        |
      | eventData[0].eventNotificationType | CustomMonitor     |
      | eventData[0].variableMonitoringId  | 4                 |
      | eventData[0].component             | {"name":"EVSE","evse":{"id":1}} |
    Then the CSMS responds with a NotifyEventResponse
