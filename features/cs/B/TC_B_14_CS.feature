@TC_B_14_CS
Feature: TC_B_14_CS Get Base Report - SummaryInventory
  A station that offers the SummaryInventory report delivers it in numbered parts: the availability of the station and
  of every EVSE, each variable with its characteristics.

  Scenario: SummaryInventory report
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a GetBaseReportRequest with:
      | requestId  | <new requestId>  |
      | reportBase | SummaryInventory |
    Then the Charging Station responds with a GetBaseReportResponse with:
      | status                | Accepted            |
      | statusInfo.reasonCode | absent or "NoError" |
    # Part 6 steps 3-4
    And the Charging Station sends its report in NotifyReportRequests
