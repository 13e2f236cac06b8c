@TC_B_12_CSMS
Feature: TC_B_12_CSMS Get Base Report - ConfigurationInventory
  Asked by an operator, the CSMS requests a ConfigurationInventory report and takes every part of it.

  Scenario: the CSMS retrieves a ConfigurationInventory report
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a GetBaseReportRequest with:
      | reportBase | ConfigurationInventory |
    Then the CSMS sends a GetBaseReportRequest with:
      | requestId  | >= 0 |
      | reportBase | ConfigurationInventory |
    # Part 6 step 2
    And the test system responds with a GetBaseReportResponse with:
      | status | Accepted |
    And the CSMS answers every NotifyReportRequest of the report
