@TC_O_26_CSMS
Feature: TC_O_26_CSMS Set Display Message - Rejected
  Asked by an operator, the CSMS sends a display message with priority NormalCycle, and takes the station's refusal.

  Scenario: a display message the station rejects
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a SetDisplayMessageRequest with:
      | message.id              | 4726              |
      | message.priority        | NormalCycle       |
      | message.message.format  | UTF8              |
      | message.message.content | "Happy charging"  |
    Then the CSMS sends a SetDisplayMessageRequest with:
      | message.id       | 4726        |
      | message.priority | NormalCycle |
    # Part 6 step 2
    And the test system responds with a SetDisplayMessageResponse with status Rejected
