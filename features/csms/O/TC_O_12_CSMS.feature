@TC_O_12_CSMS
Feature: TC_O_12_CSMS Set Display Message - Replace DisplayMessage
  Asked by an operator to replace a display message, the CSMS sends the new one under the id of the configured one.

  # Decision: the configured priority of the replacement is AlwaysFront.
  Scenario: a configured display message is replaced
    Given the test system is connected to the CSMS and accepted
    # Part 6 memory state
    And a display message with priority NormalCycle is configured at the station
    # Part 6 step 1
    When the operator makes the CSMS send a SetDisplayMessageRequest with:
      | message.id              | <display message id>   |
      | message.priority        | AlwaysFront            |
      | message.message.format  | UTF8                   |
      | message.message.content | "Replacement message"  |
    Then the CSMS sends a SetDisplayMessageRequest with:
      | message.id       | <display message id> |
      | message.priority | AlwaysFront          |
    # Part 6 step 2
    And the test system responds with a SetDisplayMessageResponse with status Accepted
