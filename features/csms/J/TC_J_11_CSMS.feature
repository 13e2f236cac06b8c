@TC_J_11_CSMS
Feature: TC_J_11_CSMS Sampled Meter Values - Signed
  Like the plain sampled Ended case, but every energy reading the station sends in the Ended event is signed by its
  meter; the CSMS accepts that event.

  Scenario: signed sampled readings in the Ended event
    Given the test system is connected to the CSMS and accepted
    And the test system's station reports the signed sampled meter values of a transaction when it ends
    And the reusable state EnergyTransferStarted is reached
    And the transaction runs through two meter value intervals
    # Part 6 step 1
    When the reusable state EVDisconnected is executed
    Then the CSMS accepted the Ended TransactionEventRequest with the meter values of the transaction
