@TC_N_01_CSMS
Feature: TC_N_01_CSMS Get Monitoring Report - with monitoringCriteria
  Asked by an operator, the CSMS requests a report of the monitors of one kind; it copes with an empty result and then
  takes every part of the report the station sends.

  Scenario: a monitoring report of the Delta monitors (none), then of the Threshold monitors
    Given the test system is connected to the CSMS and accepted
    # Part 6 memory state
    And the CSMS has read MonitoringCtrlr.ItemsPerMessage[ClearVariableMonitoring] = "2" from the test system
    # Part 6 step 1
    When the operator makes the CSMS send a GetMonitoringReportRequest with:
      | requestId          | <new requestId>     |
      | monitoringCriteria | ["DeltaMonitoring"] |
    Then the CSMS sends a GetMonitoringReportRequest with:
      | monitoringCriteria | ["DeltaMonitoring"] |
    # Part 6 step 2
    And the test system responds with a GetMonitoringReportResponse with:
      | status | EmptyResultSet |
    # Part 6 step 3
    When the operator makes the CSMS send a GetMonitoringReportRequest with:
      | requestId          | <new requestId>         |
      | monitoringCriteria | ["ThresholdMonitoring"] |
    Then the CSMS sends a GetMonitoringReportRequest with:
      | monitoringCriteria | ["ThresholdMonitoring"] |
    # Part 6 step 4
    And the test system responds with a GetMonitoringReportResponse with:
      | status | Accepted |
    # Part 6 steps 5-6
    # (repeated: the report comes in two parts)
    When the test system sends a NotifyMonitoringReportRequest for the GetMonitoringReportRequest with:
      | seqNo       | 0     |
      | tbc         | true  |
      | generatedAt | <now> |
      | monitor     | [{"component":{"name":"ChargingStation"},"variable":{"name":"Power"},"variableMonitoring":[{"id":1,"transaction":false,"value":22000,"type":"UpperThreshold","severity":4}]}] |
    Then the CSMS responds with a NotifyMonitoringReportResponse
    When the test system sends a NotifyMonitoringReportRequest for the GetMonitoringReportRequest with:
      | seqNo       | 1     |
      | tbc         | false |
      | generatedAt | <now> |
      | monitor     | [{"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"Power"},"variableMonitoring":[{"id":2,"transaction":false,"value":0,"type":"LowerThreshold","severity":5}]}] |
    Then the CSMS responds with a NotifyMonitoringReportResponse
