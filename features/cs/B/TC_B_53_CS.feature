@TC_B_53_CS
Feature: TC_B_53_CS Get Base Report - Test mandatory DM variables via FullInventory
  The full report must list every variable the specification requires, with list values taken from their valuesList and
  no value shown for a write-only variable.

  Scenario: FullInventory report
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a GetBaseReportRequest with:
      | requestId  | <generated requestId> |
      | reportBase | FullInventory |
    Then the Charging Station responds with a GetBaseReportResponse with:
      | status                | Accepted            |
      | statusInfo.reasonCode | absent or "NoError" |
    # Part 6 steps 3-4 and the post-scenario validations (required variables, valuesList, WriteOnly values hidden)
    And the Charging Station sends its report in NotifyReportRequests
