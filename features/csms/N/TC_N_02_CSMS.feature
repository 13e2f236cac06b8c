@TC_N_02_CSMS
Feature: TC_N_02_CSMS Get Monitoring Report - with component/variable
  Asked by an operator, the CSMS requests a report of the monitors of one named component variable; it copes with an
  empty result and then takes every part of the report the station sends.

  # Decision: Part 6 checks the second request at componentVariable[1], but the operator names one variable each time,
  # so both requests are checked at componentVariable[0]; the operator names the configured EVSE (Part 6: EVSE #1).
  Scenario: a monitoring report for ChargingStation Power (none), then for EVSE AvailabilityState
    Given the test system is connected to the CSMS and accepted
    # Part 6 memory state
    And the CSMS has read MonitoringCtrlr.ItemsPerMessage[ClearVariableMonitoring] = "2" from the test system
    # Part 6 step 1
    When the operator makes the CSMS send a GetMonitoringReportRequest with:
      | requestId                           | <new requestId>   |
      | componentVariable[0].component.name | "ChargingStation" |
      | componentVariable[0].variable.name  | "Power"           |
    Then the CSMS sends a GetMonitoringReportRequest with:
      | componentVariable[0].component.name | "ChargingStation" |
      | componentVariable[0].variable.name  | "Power"           |
      | monitoringCriteria                  | absent            |
    # Part 6 step 2
    And the test system responds with a GetMonitoringReportResponse with:
      | status | EmptyResultSet |
    # Part 6 step 3
    When the operator makes the CSMS send a GetMonitoringReportRequest with:
      | requestId                              | <new requestId>     |
      | componentVariable[0].component.name    | "EVSE"              |
      | componentVariable[0].component.evse.id | <configured evseId> |
      | componentVariable[0].variable.name     | "AvailabilityState" |
    Then the CSMS sends a GetMonitoringReportRequest with:
      | componentVariable[0].component.name    | "EVSE"              |
      | componentVariable[0].component.evse.id | <configured evseId> |
      | componentVariable[0].variable.name     | "AvailabilityState" |
    # Part 6 step 4
    And the test system responds with a GetMonitoringReportResponse with:
      | status | Accepted |
    # Part 6 steps 5-6
    # (repeated: the report comes in two parts)
    When the test system sends a NotifyMonitoringReportRequest for the GetMonitoringReportRequest with:
      | seqNo       | 0     |
      | tbc         | true  |
      | generatedAt | <now> |
      | monitor     | [{"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"AvailabilityState"},"variableMonitoring":[{"id":3,"transaction":false,"value":1,"type":"Delta","severity":8}]}] |
    Then the CSMS responds with a NotifyMonitoringReportResponse
    When the test system sends a NotifyMonitoringReportRequest for the GetMonitoringReportRequest with:
      | seqNo       | 1     |
      | tbc         | false |
      | generatedAt | <now> |
      | monitor     | [{"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"AvailabilityState"},"variableMonitoring":[{"id":4,"transaction":false,"value":3600,"type":"Periodic","severity":9}]}] |
    Then the CSMS responds with a NotifyMonitoringReportResponse
