@TC_O_27_CSMS
Feature: TC_O_27_CSMS Set Display Message - Specific transaction - Display message at StartTime
  Asked by an operator, the CSMS sends a display message for the running transaction that is shown from a start time.

  # Decision: the configured startDateTime of this case is 2030-01-01T08:00:00.000Z.
  Scenario: a display message for the running transaction with a startDateTime
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 step 1
    When the operator makes the CSMS send a SetDisplayMessageRequest with:
      | message.id              | 4727                       |
      | message.priority        | NormalCycle                |
      | message.startDateTime   | "2030-01-01T08:00:00.000Z" |
      | message.transactionId   | <transactionId>            |
      | message.message.format  | UTF8                       |
      | message.message.content | "Off-peak rate from 8:00"  |
    Then the CSMS sends a SetDisplayMessageRequest with:
      | message.id            | 4727                       |
      | message.startDateTime | "2030-01-01T08:00:00.000Z" |
      | message.transactionId | <transactionId>            |
    # Part 6 step 2
    And the test system responds with a SetDisplayMessageResponse with status Accepted
