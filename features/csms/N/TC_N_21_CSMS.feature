@TC_N_21_CSMS
Feature: TC_N_21_CSMS Alert Event - HardWiredMonitor
  The station reports an event raised by one of its hard-wired monitors; the CSMS acknowledges it.

  # Decision: Part 6 has no CSMS table for this case (Part 5 lists it); it is built like TC_N_24_CSMS, which says it is
  # the same case with a periodic event: one NotifyEventRequest from a hard-wired monitor, answered with an empty body.
  Scenario: an alert of a hard-wired monitor
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the test system sends a NotifyEventRequest with:
      | eventData[0].trigger               | Alerting           |
      | eventData[0].actualValue           | "Faulted"          |
      | eventData[0].eventNotificationType | HardWiredMonitor   |
      | eventData[0].techCode              | "GroundFault"      |
    # Part 6 step 2
    Then the CSMS responds with a NotifyEventResponse
