@TC_J_08_CSMS
Feature: TC_J_08_CSMS Sampled Meter Values - Context Transaction.Begin - EVSE not known
  The driver authorizes before choosing an EVSE, so the transaction starts without one; the Transaction.Begin reading
  comes with the event that names the EVSE once the cable is plugged in, and the CSMS accepts it.

  Scenario: Transaction.Begin reading once the EVSE is known
    Given the test system is connected to the CSMS and accepted
    And the test system's station names the EVSE of a transaction only once the cable is plugged in
    And the test system's station reports Transaction.Begin meter values once the EVSE of a transaction is known
    # Part 6 step 1
    When the reusable state Authorized is executed
    # Part 6 step 2
    And the reusable state EVConnectedPreSession is executed
    Then the CSMS accepted the TransactionEventRequest with the Transaction.Begin meter values
    # Part 6 step 3
    When the reusable state EnergyTransferStarted is executed
