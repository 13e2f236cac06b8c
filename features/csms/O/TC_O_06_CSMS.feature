@TC_O_06_CSMS
Feature: TC_O_06_CSMS Set Display Message - Specific transaction - Success
  Asked by an operator, the CSMS sends a display message for the running transaction, naming it by the id the station
  gave it; the session then ends.

  # Decision: the configured priority of this case is AlwaysFront.
  Scenario: a display message for the running transaction
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 step 1
    When the operator makes the CSMS send a SetDisplayMessageRequest with:
      | message.id              | 4706                    |
      | message.priority        | AlwaysFront             |
      | message.transactionId   | <transactionId>         |
      | message.message.format  | UTF8                    |
      | message.message.content | "Charging with 11 kW"   |
    Then the CSMS sends a SetDisplayMessageRequest with:
      | message.transactionId | <transactionId> |
      | message.priority      | AlwaysFront     |
    # Part 6 step 2
    And the test system responds with a SetDisplayMessageResponse with status Accepted
    # Part 6 step 3
    When the reusable state EVDisconnected is executed
