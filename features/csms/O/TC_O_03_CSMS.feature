@TC_O_03_CSMS
Feature: TC_O_03_CSMS Get all Display Messages - No DisplayMessages configured
  Asked by an operator for every display message, the CSMS requests them without any filter; the station has none.

  # Decision: this is the request for every message, as in TC_O_02_CSMS, so it is checked to carry no filter either.
  Scenario: every display message is requested; there are none
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a GetDisplayMessagesRequest with:
      | requestId | <new requestId> |
    Then the CSMS sends a GetDisplayMessagesRequest with:
      | requestId | present |
      | id        | absent  |
      | priority  | absent  |
      | state     | absent  |
    # Part 6 step 2
    And the test system responds with a GetDisplayMessagesResponse with status Unknown
