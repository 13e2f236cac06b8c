@TC_N_18_CSMS
Feature: TC_N_18_CSMS Clear Monitoring - Too many elements
  The CSMS reads how many monitor ids the station takes in one ClearVariableMonitoringRequest; asked by an operator to
  clear more monitors than that, it splits them over several requests.

  # Decision: the test system's station declares 2; the operator asks to clear three monitors (which need not exist).
  Scenario: three monitors cleared with at most two ids per request
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a GetVariablesRequest with:
      | getVariableData[0].component.name   | "MonitoringCtrlr"         |
      | getVariableData[0].variable.name    | "ItemsPerMessage"         |
      | getVariableData[0].variable.instance | "ClearVariableMonitoring" |
    Then the CSMS sends a GetVariablesRequest with:
      | getVariableData[0].component.name    | "MonitoringCtrlr"         |
      | getVariableData[0].variable.name     | "ItemsPerMessage"         |
      | getVariableData[0].variable.instance | "ClearVariableMonitoring" |
    # Part 6 step 2
    And the test system responds with a GetVariablesResponse with:
      | getVariableResult[0].attributeStatus | Accepted |
      | getVariableResult[0].attributeValue  | "2"      |
    # Part 6 step 3
    When the operator makes the CSMS send a ClearVariableMonitoringRequest with:
      | id | [101, 102, 103] |
    # Part 6 step 4
    Then the test system responds with a ClearVariableMonitoringResponse with status Accepted to each such request of the CSMS, until all the operator named was sent, at most 2 per request
