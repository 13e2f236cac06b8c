@TC_N_47_CSMS
Feature: TC_N_47_CSMS Get Monitoring report - Report all
  Asked by an operator for every monitor, the CSMS requests a monitoring report without any filter and takes every
  part of the report the station sends.

  Scenario: a monitoring report of every monitor
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a GetMonitoringReportRequest with:
      | requestId | <new requestId> |
    Then the CSMS sends a GetMonitoringReportRequest with:
      | monitoringCriteria | absent |
      | componentVariable  | absent |
    # Part 6 step 2
    And the test system responds with a GetMonitoringReportResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    # (repeated while tbc is true: the report comes in two parts)
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
      | monitor     | [{"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"AvailabilityState"},"variableMonitoring":[{"id":3,"transaction":false,"value":1,"type":"Delta","severity":8}]}] |
    Then the CSMS responds with a NotifyMonitoringReportResponse
