@TC_N_60_CSMS
Feature: TC_N_60_CSMS Get Monitoring Report - with component criteria and list of components/variables
  Asked by an operator, the CSMS requests a report of the monitors of one kind on a list of component variables; it
  copes with an empty result and then takes every part of the report the station sends.

  # Decision: Part 6's tool validations of this case contradict its own scenario (they check DeltaMonitoring /
  # AvailabilityState first and ThresholdMonitoring / AvailabilityState second). The scenario and the post-scenario
  # validation agree, so they are followed: Threshold monitors of Power first (none), then Delta monitors of
  # AvailabilityState, each for the ChargingStation and the configured EVSE.
  Scenario: Threshold monitors of Power (none), then Delta monitors of AvailabilityState, for the station and the EVSE
    Given the test system is connected to the CSMS and accepted
    # Part 6 memory state
    And the CSMS has read MonitoringCtrlr.ItemsPerMessage[ClearVariableMonitoring] = "2" from the test system
    # Part 6 step 1
    When the operator makes the CSMS send a GetMonitoringReportRequest with:
      | requestId                              | <new requestId>         |
      | monitoringCriteria                     | ["ThresholdMonitoring"] |
      | componentVariable[0].component.name    | "ChargingStation"       |
      | componentVariable[0].variable.name     | "Power"                 |
      | componentVariable[1].component.name    | "EVSE"                  |
      | componentVariable[1].component.evse.id | <configured evseId>     |
      | componentVariable[1].variable.name     | "Power"                 |
    Then the CSMS sends a GetMonitoringReportRequest with:
      | monitoringCriteria                     | ["ThresholdMonitoring"] |
      | componentVariable[0].component.name    | "ChargingStation"       |
      | componentVariable[0].variable.name     | "Power"                 |
      | componentVariable[1].component.name    | "EVSE"                  |
      | componentVariable[1].component.evse.id | <configured evseId>     |
      | componentVariable[1].variable.name     | "Power"                 |
    # Part 6 step 2
    And the test system responds with a GetMonitoringReportResponse with:
      | status | EmptyResultSet |
    # Part 6 step 3
    When the operator makes the CSMS send a GetMonitoringReportRequest with:
      | requestId                              | <new requestId>     |
      | monitoringCriteria                     | ["DeltaMonitoring"] |
      | componentVariable[0].component.name    | "ChargingStation"   |
      | componentVariable[0].variable.name     | "AvailabilityState" |
      | componentVariable[1].component.name    | "EVSE"              |
      | componentVariable[1].component.evse.id | <configured evseId> |
      | componentVariable[1].variable.name     | "AvailabilityState" |
    Then the CSMS sends a GetMonitoringReportRequest with:
      | monitoringCriteria                     | ["DeltaMonitoring"] |
      | componentVariable[0].component.name    | "ChargingStation"   |
      | componentVariable[0].variable.name     | "AvailabilityState" |
      | componentVariable[1].component.name    | "EVSE"              |
      | componentVariable[1].component.evse.id | <configured evseId> |
      | componentVariable[1].variable.name     | "AvailabilityState" |
    # Part 6 step 4
    And the test system responds with a GetMonitoringReportResponse with:
      | status | Accepted |
    # Part 6 steps 5-6
    # (repeated: the report comes in two parts)
    When the test system sends a NotifyMonitoringReportRequest for the GetMonitoringReportRequest with:
      | seqNo       | 0     |
      | tbc         | true  |
      | generatedAt | <now> |
      | monitor     | [{"component":{"name":"ChargingStation"},"variable":{"name":"AvailabilityState"},"variableMonitoring":[{"id":6,"transaction":false,"value":1,"type":"Delta","severity":8}]}] |
    Then the CSMS responds with a NotifyMonitoringReportResponse
    When the test system sends a NotifyMonitoringReportRequest for the GetMonitoringReportRequest with:
      | seqNo       | 1     |
      | tbc         | false |
      | generatedAt | <now> |
      | monitor     | [{"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"AvailabilityState"},"variableMonitoring":[{"id":3,"transaction":false,"value":1,"type":"Delta","severity":8}]}] |
    Then the CSMS responds with a NotifyMonitoringReportResponse
