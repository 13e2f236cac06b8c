@TC_N_44_CSMS
Feature: TC_N_44_CSMS Clear Monitoring - Rejected
  Asked by an operator, the CSMS asks the station to clear a monitor, and takes the station's refusal.

  # Decision: Part 6 lists no tool validation; the request is checked to name exactly the monitor the operator chose.
  Scenario: a monitor that cannot be cleared
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a ClearVariableMonitoringRequest with:
      | id | [7] |
    Then the CSMS sends a ClearVariableMonitoringRequest with:
      | id | [7] |
    # Part 6 step 2
    And the test system responds with a ClearVariableMonitoringResponse with:
      | clearMonitoringResult[0].id     | 7        |
      | clearMonitoringResult[0].status | Rejected |
