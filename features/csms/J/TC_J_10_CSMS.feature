@TC_J_10_CSMS
Feature: TC_J_10_CSMS Sampled Meter Values - EventType Ended
  The station keeps the sampled readings of a transaction and sends them, closed by a Transaction.End reading, in the
  Ended event; the CSMS accepts that event.

  Scenario: sampled readings in the Ended event
    Given the test system is connected to the CSMS and accepted
    And the test system's station reports the sampled meter values of a transaction when it ends
    And the reusable state EnergyTransferStarted is reached
    And the transaction runs through two meter value intervals
    # Part 6 step 1
    When the reusable state EVDisconnected is executed
    Then the CSMS accepted the Ended TransactionEventRequest with the meter values of the transaction
