@TC_O_17_CSMS
Feature: TC_O_17_CSMS Set Display Message - NotSupportedPriority
  Asked by an operator, the CSMS sends a display message with a priority the station does not support, and takes the
  station's answer.

  # Decision: the configured priority of this case is AlwaysFront.
  Scenario: a display message with an unsupported priority
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a SetDisplayMessageRequest with:
      | message.id              | 4717               |
      | message.priority        | AlwaysFront        |
      | message.message.format  | UTF8               |
      | message.message.content | "Urgent: closing"  |
    Then the CSMS sends a SetDisplayMessageRequest with:
      | message.id       | 4717        |
      | message.priority | AlwaysFront |
    # Part 6 step 2
    And the test system responds with a SetDisplayMessageResponse with status NotSupportedPriority
