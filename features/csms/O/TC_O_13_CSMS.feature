@TC_O_13_CSMS
Feature: TC_O_13_CSMS Set Display Message - Display message at StartTime
  Asked by an operator, the CSMS sends a display message that is shown from a start time the operator chose.

  # Decision: the configured startDateTime of this case is 2030-01-01T08:00:00.000Z.
  Scenario: a display message with a startDateTime
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a SetDisplayMessageRequest with:
      | message.id              | 4713                       |
      | message.priority        | NormalCycle                  |
      | message.startDateTime   | "2030-01-01T08:00:00.000Z"   |
      | message.message.format  | UTF8                         |
      | message.message.content | "Scheduled maintenance"      |
    Then the CSMS sends a SetDisplayMessageRequest with:
      | message.id            | 4713                     |
      | message.startDateTime | "2030-01-01T08:00:00.000Z" |
    # Part 6 step 2
    And the test system responds with a SetDisplayMessageResponse with status Accepted
