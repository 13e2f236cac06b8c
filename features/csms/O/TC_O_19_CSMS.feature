@TC_O_19_CSMS
Feature: TC_O_19_CSMS Set Display Message - NotSupportedMessageFormat
  Asked by an operator, the CSMS sends a display message in a format the station does not support, and takes the
  station's answer.

  # Decision: the message is in HTML; Part 6 checks only the id, the format the operator chose is checked too.
  Scenario: a display message in an unsupported format
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a SetDisplayMessageRequest with:
      | message.id              | 4719                      |
      | message.priority        | NormalCycle               |
      | message.message.format  | HTML                      |
      | message.message.content | "<b>Welcome</b>"          |
    Then the CSMS sends a SetDisplayMessageRequest with:
      | message.id             | 4719 |
      | message.message.format | HTML |
    # Part 6 step 2
    And the test system responds with a SetDisplayMessageResponse with status NotSupportedMessageFormat
