@TC_N_08_CSMS
Feature: TC_N_08_CSMS Set Variable Monitoring - One SetMonitoringData element
  Asked by an operator, the CSMS installs one Delta monitor on the AvailabilityState of the configured EVSE.

  Scenario: one Delta monitor on EVSE AvailabilityState
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a SetVariableMonitoringRequest with:
      | setMonitoringData[0].value             | 1                   |
      | setMonitoringData[0].type              | Delta               |
      | setMonitoringData[0].severity          | 8                   |
      | setMonitoringData[0].component.name    | "EVSE"              |
      | setMonitoringData[0].component.evse.id | <configured evseId> |
      | setMonitoringData[0].variable.name     | "AvailabilityState" |
    Then the CSMS sends a SetVariableMonitoringRequest with:
      | setMonitoringData[0].value             | 1                   |
      | setMonitoringData[0].type              | Delta               |
      | setMonitoringData[0].severity          | 8                   |
      | setMonitoringData[0].component.name    | "EVSE"              |
      | setMonitoringData[0].component.evse.id | <configured evseId> |
      | setMonitoringData[0].variable.name     | "AvailabilityState" |
    # Part 6 step 2
    And the test system responds with a SetVariableMonitoringResponse accepting every monitor
