@TC_O_10_CSMS
Feature: TC_O_10_CSMS Set Display Message - Specific transaction - UnknownTransaction
  Asked by an operator, the CSMS sends a display message for a transaction the station does not know, and takes the
  station's answer.

  # Decision: the operator names a transactionId that was never used; the configured priority is AlwaysFront.
  Scenario: a display message for an unknown transaction
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 step 1
    When the operator makes the CSMS send a SetDisplayMessageRequest with:
      | message.id              | 4710                      |
      | message.priority        | AlwaysFront               |
      | message.transactionId   | "no-such-transaction-0001" |
      | message.message.format  | UTF8                      |
      | message.message.content | "Session message"         |
    Then the CSMS sends a SetDisplayMessageRequest with:
      | message.transactionId | "no-such-transaction-0001" |
      | message.priority      | AlwaysFront                |
    # Part 6 step 2
    And the test system responds with a SetDisplayMessageResponse with status UnknownTransaction
