@TC_B_15_CS
Feature: TC_B_15_CS Get Base Report - Not Supported base report
  A station without the optional SummaryInventory report says NotSupported when asked for it, and sends no report.

  # Decision: Part 6's wait "to make sure" no report follows is the configured message timeout.
  Scenario: SummaryInventory report asked of a station that does not offer it
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a GetBaseReportRequest with:
      | requestId  | <new requestId>  |
      | reportBase | SummaryInventory |
    Then the Charging Station responds with a GetBaseReportResponse with:
      | status                | NotSupported                |
      | statusInfo.reasonCode | absent or "UnsupportedParam" |
    # Part 6 step 2 (note): no NotifyReportRequest follows
    And the Charging Station sends no NotifyReportRequest within the configured message timeout
