@TC_O_05_CSMS
Feature: TC_O_05_CSMS Clear Display Message - Unknown Key
  Asked by an operator, the CSMS asks the station to clear a display message it does not have, and takes the answer.

  # Decision: Part 6 lists no tool validation; the request is checked to name the id the operator chose.
  Scenario: clearing a display message the station does not know
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a ClearDisplayMessageRequest with:
      | id | 999001 |
    Then the CSMS sends a ClearDisplayMessageRequest with:
      | id | 999001 |
    # Part 6 step 2
    And the test system responds with a ClearDisplayMessageResponse with status Unknown
