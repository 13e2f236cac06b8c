@TC_B_18_CSMS
Feature: TC_B_18_CSMS Get Custom Report - with componentCriteria and component/variables
  Asked by an operator, the CSMS requests a custom report that combines component criteria with a named component
  variable; it copes with an empty result and then takes the report the station sends.

  # Decision: the operator names the configured EVSE (Part 6 says EVSE #1, the configured one by default).
  Scenario: a custom report of EVSE AvailabilityState, first for Problem components, then for Available ones
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a GetReportRequest with:
      | requestId                                | <new requestId>     |
      | componentCriteria                        | ["Problem"]         |
      | componentVariable[0].component.name      | "EVSE"              |
      | componentVariable[0].component.evse.id   | <configured evseId> |
      | componentVariable[0].variable.name       | "AvailabilityState" |
    Then the CSMS sends a GetReportRequest with:
      | requestId                                | >= 0                |
      | componentCriteria                        | ["Problem"]         |
      | componentVariable[0].component.name      | "EVSE"              |
      | componentVariable[0].component.evse.id   | <configured evseId> |
      | componentVariable[0].variable.name       | "AvailabilityState" |
    # Part 6 step 2
    And the test system responds with a GetReportResponse with:
      | status | EmptyResultSet |
    # Part 6 step 3
    When the operator makes the CSMS send a GetReportRequest with:
      | requestId                                | <new requestId>     |
      | componentCriteria                        | ["Available"]       |
      | componentVariable[0].component.name      | "EVSE"              |
      | componentVariable[0].component.evse.id   | <configured evseId> |
      | componentVariable[0].variable.name       | "AvailabilityState" |
    Then the CSMS sends a GetReportRequest with:
      | requestId                                | >= 0                |
      | componentCriteria                        | ["Available"]       |
      | componentVariable[0].component.name      | "EVSE"              |
      | componentVariable[0].component.evse.id   | <configured evseId> |
      | componentVariable[0].variable.name       | "AvailabilityState" |
    # Part 6 step 4
    And the test system responds with a GetReportResponse with:
      | status | Accepted |
    # Part 6 steps 5-6
    When the test system sends a NotifyReportRequest for the GetReportRequest with:
      | seqNo                                            | 0                   |
      | generatedAt                                      | <now>               |
      | reportData[0].component.name                     | "EVSE"              |
      | reportData[0].component.evse.id                  | <configured evseId> |
      | reportData[0].variable.name                      | "AvailabilityState" |
      | reportData[0].variableAttribute[0].value         | "Available"         |
      | reportData[0].variableAttribute[0].mutability    | ReadOnly            |
      | reportData[0].variableCharacteristics.dataType   | OptionList          |
      | reportData[0].variableCharacteristics.valuesList | "Available,Occupied,Reserved,Unavailable,Faulted" |
      | reportData[0].variableCharacteristics.supportsMonitoring | true        |
    Then the CSMS responds with a NotifyReportResponse
