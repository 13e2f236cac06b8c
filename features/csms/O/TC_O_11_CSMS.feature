@TC_O_11_CSMS
Feature: TC_O_11_CSMS Get a Specific Display Message - Unknown parameters
  Asked by an operator for a display message the station does not have, the CSMS requests it by that id and takes
  the station's answer.

  Scenario: a display message is requested by an id the station does not know
    Given the test system is connected to the CSMS and accepted
    # Part 6 memory state
    And a display message with priority NormalCycle is configured at the station
    # Part 6 step 1
    When the operator makes the CSMS send a GetDisplayMessagesRequest with:
      | requestId | <new requestId> |
      | id        | [999002]        |
    Then the CSMS sends a GetDisplayMessagesRequest with:
      | requestId | present  |
      | id        | [999002] |
    # Part 6 step 2
    And the test system responds with a GetDisplayMessagesResponse with status Unknown
