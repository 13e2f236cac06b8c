@TC_O_28_CSMS
Feature: TC_O_28_CSMS Set Display Message - Specific transaction - Remove message after EndTime
  Asked by an operator, the CSMS sends a display message for the running transaction that is shown in one station
  state until an end time.

  # Decision: Part 6 asks for a transactionId but sets up no transaction; the case runs in EnergyTransferStarted, as
  # TC_O_27_CSMS does, so the transactionId is a real one. Configured values: priority AlwaysFront, state Charging,
  # endDateTime 2030-01-01T08:00:00.000Z.
  Scenario: a display message for the running transaction with an endDateTime
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 step 1
    When the operator makes the CSMS send a SetDisplayMessageRequest with:
      | message.id              | 4728                       |
      | message.priority        | AlwaysFront                |
      | message.state           | Charging                   |
      | message.endDateTime     | "2030-01-01T08:00:00.000Z" |
      | message.transactionId   | <transactionId>            |
      | message.message.format  | UTF8                       |
      | message.message.content | "Peak rate until 8:00"     |
    Then the CSMS sends a SetDisplayMessageRequest with:
      | message.id            | 4728                       |
      | message.priority      | AlwaysFront                |
      | message.endDateTime   | "2030-01-01T08:00:00.000Z" |
      | message.state         | Charging                   |
      | message.transactionId | <transactionId>            |
    # Part 6 step 2
    And the test system responds with a SetDisplayMessageResponse with status Accepted
