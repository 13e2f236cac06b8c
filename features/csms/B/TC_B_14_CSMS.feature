@TC_B_14_CSMS
Feature: TC_B_14_CSMS Get Base Report - SummaryInventory
  Asked by an operator, the CSMS requests a SummaryInventory report and takes every part of it.

  Scenario: the CSMS retrieves a SummaryInventory report
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a GetBaseReportRequest with:
      | reportBase | SummaryInventory |
    Then the CSMS sends a GetBaseReportRequest with:
      | requestId  | >= 0             |
      | reportBase | SummaryInventory |
    # Part 6 step 2
    And the test system responds with a GetBaseReportResponse with:
      | status | Accepted |
    # post-scenario validation: every NotifyReportRequest of the report is taken
    And the CSMS answers every NotifyReportRequest of the report
