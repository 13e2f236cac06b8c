@TC_O_18_CSMS
Feature: TC_O_18_CSMS Set Display Message - NotSupportedState
  Asked by an operator, the CSMS sends a display message for a station state the station does not support, and takes
  the station's answer.

  # Decision: the configured state of this case is Unavailable.
  Scenario: a display message for an unsupported state
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a SetDisplayMessageRequest with:
      | message.id              | 4718                   |
      | message.priority        | NormalCycle            |
      | message.state           | Unavailable            |
      | message.message.format  | UTF8                   |
      | message.message.content | "Out of order"         |
    Then the CSMS sends a SetDisplayMessageRequest with:
      | message.id    | 4718        |
      | message.state | Unavailable |
    # Part 6 step 2
    And the test system responds with a SetDisplayMessageResponse with status NotSupportedState
