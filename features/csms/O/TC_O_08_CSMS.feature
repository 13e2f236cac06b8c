@TC_O_08_CSMS
Feature: TC_O_08_CSMS Get a Specific Display Message - Priority
  Asked by an operator for the display messages of one priority, the CSMS requests them by priority only and takes
  the station's report.

  # Decision: the configured priority of this case is AlwaysFront.
  Scenario: the display messages of one priority are requested
    Given the test system is connected to the CSMS and accepted
    # Part 6 memory state
    And a display message with priority AlwaysFront is configured at the station
    # Part 6 step 1
    When the operator makes the CSMS send a GetDisplayMessagesRequest with:
      | requestId | <new requestId> |
      | priority  | AlwaysFront     |
    Then the CSMS sends a GetDisplayMessagesRequest with:
      | requestId | present     |
      | priority  | AlwaysFront |
      | id        | absent      |
      | state     | absent      |
    # Part 6 step 2
    And the test system responds with a GetDisplayMessagesResponse with status Accepted
    # Part 6 steps 3-4
    When the test system sends a NotifyDisplayMessagesRequest for the GetDisplayMessagesRequest with:
      | messageInfo[0] | <configured display message> |
    Then the CSMS responds with a NotifyDisplayMessagesResponse
