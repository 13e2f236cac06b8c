@TC_N_48_CSMS
Feature: TC_N_48_CSMS Alert Event - Variable monitoring on write only
  A monitor on a write-only variable fires; the station cannot show the value, so actualValue is empty. The CSMS
  acknowledges the event.

  Scenario: an event of a monitor on a write-only variable
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the test system sends a NotifyEventRequest with:
      | eventData[0].trigger               | Delta                         |
      | eventData[0].actualValue           | ""                            |
      | eventData[0].eventNotificationType | CustomMonitor                 |
      | eventData[0].variableMonitoringId  | 9                             |
      | eventData[0].component             | {"name":"SecurityCtrlr"}      |
      | eventData[0].variable              | {"name":"BasicAuthPassword"}  |
    # Part 6 step 2
    Then the CSMS responds with a NotifyEventResponse
