@TC_J_03_CSMS
Feature: TC_J_03_CSMS Clock-aligned Meter Values - EventType Ended
  The station keeps the clock-aligned readings of a transaction and sends them, closed by a Transaction.End reading, in
  the Ended event; the CSMS accepts that event.

  Scenario: clock-aligned readings in the Ended event
    Given the test system is connected to the CSMS and accepted
    And the test system's station reports the clock-aligned meter values of a transaction when it ends
    And the reusable state EnergyTransferStarted is reached
    And the transaction runs through two meter value intervals
    # Part 6 step 1
    When the reusable state EVDisconnected is executed
    Then the CSMS accepted the Ended TransactionEventRequest with the meter values of the transaction
