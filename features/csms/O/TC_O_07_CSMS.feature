@TC_O_07_CSMS
Feature: TC_O_07_CSMS Get a Specific Display Message - Id
  Asked by an operator for one display message, the CSMS requests it by its id only and takes the station's report.

  Scenario: the configured display message is requested by id
    Given the test system is connected to the CSMS and accepted
    # Part 6 memory state
    And a display message with priority NormalCycle is configured at the station
    # Part 6 step 1
    When the operator makes the CSMS send a GetDisplayMessagesRequest with:
      | requestId | <new requestId>          |
      | id[0]     | <display message id>     |
    Then the CSMS sends a GetDisplayMessagesRequest with:
      | requestId | present              |
      | id[0]     | <display message id> |
      | priority  | absent               |
      | state     | absent               |
    # Part 6 step 2
    And the test system responds with a GetDisplayMessagesResponse with status Accepted
    # Part 6 steps 3-4
    When the test system sends a NotifyDisplayMessagesRequest for the GetDisplayMessagesRequest with:
      | messageInfo[0] | <configured display message> |
    Then the CSMS responds with a NotifyDisplayMessagesResponse
