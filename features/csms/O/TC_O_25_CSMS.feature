@TC_O_25_CSMS
Feature: TC_O_25_CSMS Set Display Message - Send Specific state
  Asked by an operator, the CSMS sends a display message that is shown only in one station state.

  # Decision: the configured id of this case is 4725 and the configured state Idle.
  Scenario: a display message for one station state
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a SetDisplayMessageRequest with:
      | message.id              | 4725                  |
      | message.priority        | NormalCycle           |
      | message.state           | Idle                  |
      | message.message.format  | UTF8                  |
      | message.message.content | "Plug in to start"    |
    Then the CSMS sends a SetDisplayMessageRequest with:
      | message.id    | 4725 |
      | message.state | Idle |
    # Part 6 step 2
    And the test system responds with a SetDisplayMessageResponse with status Accepted
