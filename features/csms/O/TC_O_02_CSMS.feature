@TC_O_02_CSMS
Feature: TC_O_02_CSMS Get all Display Messages - Success
  Asked by an operator for every display message of the station, the CSMS requests them without any filter and takes
  the station's report.

  Scenario: every display message is requested and reported
    Given the test system is connected to the CSMS and accepted
    # Part 6 memory state
    And a display message with priority NormalCycle is configured at the station
    # Part 6 step 1
    When the operator makes the CSMS send a GetDisplayMessagesRequest with:
      | requestId | <new requestId> |
    Then the CSMS sends a GetDisplayMessagesRequest with:
      | requestId | present |
      | id        | absent  |
      | priority  | absent  |
      | state     | absent  |
    # Part 6 step 2
    And the test system responds with a GetDisplayMessagesResponse with status Accepted
    # Part 6 steps 3-4
    When the test system sends a NotifyDisplayMessagesRequest for the GetDisplayMessagesRequest with:
      | messageInfo[0] | <configured display message> |
    Then the CSMS responds with a NotifyDisplayMessagesResponse
