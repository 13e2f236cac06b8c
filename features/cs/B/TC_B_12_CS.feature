@TC_B_12_CS
Feature: TC_B_12_CS Get Base Report - ConfigurationInventory
  The station accepts a ConfigurationInventory request and delivers the report in numbered parts with complete characteristics.

  Scenario: ConfigurationInventory report
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a GetBaseReportRequest with:
      | requestId  | <new requestId> |
      | reportBase | ConfigurationInventory |
    Then the Charging Station responds with a GetBaseReportResponse with:
      | status                | Accepted            |
      | statusInfo.reasonCode | absent or "NoError" |
    # Part 6 steps 3-4
    And the Charging Station sends its report in NotifyReportRequests
