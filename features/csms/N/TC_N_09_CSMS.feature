@TC_N_09_CSMS
Feature: TC_N_09_CSMS Set Variable Monitoring - Multiple elements on different component and variable
  Asked by an operator, the CSMS installs two Delta monitors in one request: on the AvailabilityState of the
  configured EVSE and of the whole station.

  Scenario: two Delta monitors in one request
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a SetVariableMonitoringRequest with:
      | setMonitoringData[0].value             | 1                   |
      | setMonitoringData[0].type              | Delta               |
      | setMonitoringData[0].severity          | 8                   |
      | setMonitoringData[0].component.name    | "EVSE"              |
      | setMonitoringData[0].component.evse.id | <configured evseId> |
      | setMonitoringData[0].variable.name     | "AvailabilityState" |
      | setMonitoringData[1].value             | 1                   |
      | setMonitoringData[1].type              | Delta               |
      | setMonitoringData[1].severity          | 8                   |
      | setMonitoringData[1].component.name    | "ChargingStation"   |
      | setMonitoringData[1].variable.name     | "AvailabilityState" |
    Then the CSMS sends a SetVariableMonitoringRequest with:
      | setMonitoringData[0].value             | 1                   |
      | setMonitoringData[0].type              | Delta               |
      | setMonitoringData[0].severity          | 8                   |
      | setMonitoringData[0].component.name    | "EVSE"              |
      | setMonitoringData[0].component.evse.id | <configured evseId> |
      | setMonitoringData[0].variable.name     | "AvailabilityState" |
      | setMonitoringData[1].value             | 1                   |
      | setMonitoringData[1].type              | Delta               |
      | setMonitoringData[1].severity          | 8                   |
      | setMonitoringData[1].component.name    | "ChargingStation"   |
      | setMonitoringData[1].variable.name     | "AvailabilityState" |
    # Part 6 step 2
    And the test system responds with a SetVariableMonitoringResponse accepting every monitor
