@TC_J_07_CSMS
Feature: TC_J_07_CSMS Sampled Meter Values - EventType Started - EVSE known
  The transaction starts when the cable is plugged in, so the first event already names the EVSE and carries the
  Transaction.Begin reading; the CSMS accepts it.

  Scenario: Transaction.Begin reading in the Started event
    Given the test system is connected to the CSMS and accepted
    And the test system's station reports Transaction.Begin meter values once the EVSE of a transaction is known
    # Part 6 step 1
    When the reusable state EVConnectedPreSession is executed
    Then the CSMS accepted the TransactionEventRequest with the Transaction.Begin meter values
