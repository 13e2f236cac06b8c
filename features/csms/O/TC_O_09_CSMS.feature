@TC_O_09_CSMS
Feature: TC_O_09_CSMS Get a Specific Display Message - State
  Asked by an operator for the display messages of one station state, the CSMS requests them by state only and takes
  the station's report.

  # Decision: the configured state of this case is Charging.
  Scenario: the display messages of one state are requested
    Given the test system is connected to the CSMS and accepted
    # Part 6 memory state
    And a display message with priority NormalCycle and state Charging is configured at the station
    # Part 6 step 1
    When the operator makes the CSMS send a GetDisplayMessagesRequest with:
      | requestId | <new requestId> |
      | state     | Charging        |
    Then the CSMS sends a GetDisplayMessagesRequest with:
      | requestId | present  |
      | state     | Charging |
      | priority  | absent   |
      | id        | absent   |
    # Part 6 step 2
    And the test system responds with a GetDisplayMessagesResponse with status Accepted
    # Part 6 steps 3-4
    When the test system sends a NotifyDisplayMessagesRequest for the GetDisplayMessagesRequest with:
      | messageInfo[0] | <configured display message> |
    Then the CSMS responds with a NotifyDisplayMessagesResponse
