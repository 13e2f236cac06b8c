@TC_O_04_CSMS
Feature: TC_O_04_CSMS Clear Display Message - Success
  Asked by an operator, the CSMS clears the display message it set before, naming it by its id.

  # Decision: the operator clears the message directly (the optional GetDisplayMessagesRequest Part 6 mentions for
  # CSMSs that combine both is not needed by the reference CSMS).
  Scenario: a configured display message is cleared
    Given the test system is connected to the CSMS and accepted
    # Part 6 memory state
    And a display message with priority NormalCycle is configured at the station
    # Part 6 step 1
    When the operator makes the CSMS send a ClearDisplayMessageRequest with:
      | id | <display message id> |
    Then the CSMS sends a ClearDisplayMessageRequest with:
      | id | <display message id> |
    # Part 6 step 2
    And the test system responds with a ClearDisplayMessageResponse with status Accepted
