@TC_E_53_CSMS
Feature: TC_E_53_CSMS Reset Sequence Number - CSMS accepting seqNo = 0 at start of transaction
  The station counts seqNo per transaction, so each new transaction starts again at 0. The CSMS must answer the
  Started event of the second transaction as readily as the first, although the count went back.

  Scenario: two transactions in a row, each starting at seqNo 0
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the reusable state EnergyTransferStarted is executed
    Then the CSMS answered the TransactionEventRequest that started the transaction with seqNo 0
    # Part 6 step 2
    When the reusable state EVDisconnected is executed
    # Part 6 step 3
    And the reusable state EnergyTransferStarted is executed
    Then the CSMS answered the TransactionEventRequest that started the transaction with seqNo 0
    # Part 6 step 4
    When the reusable state EVDisconnected is executed
