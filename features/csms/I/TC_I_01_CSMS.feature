@TC_I_01_CSMS
Feature: TC_I_01_CSMS Show EV Driver running total cost during charging - costUpdatedRequest
  While the driver charges, the CSMS keeps the running total cost up to date: each periodic meter reading is followed
  by the cost so far, in the TransactionEventResponse or in a CostUpdatedRequest for the transaction.

  # Decision: Part 6 marks the CostUpdatedRequest optional only because the cost may come in the TransactionEventResponse
  # instead; after every periodic TransactionEventResponse without totalCost a CostUpdatedRequest is required, and
  # the running cost must never go down.
  Scenario: the running cost follows each periodic meter reading
    Given the test system is connected to the CSMS and accepted
    # (Authorize, then the Authorized TransactionEvent, each answered Accepted)
    # Part 6 steps 1-4
    When the reusable state Authorized is executed
    # Part 6 step 5
    And the reusable state EVConnectedPreSession is executed
    # Part 6 step 6
    And the reusable state EnergyTransferStarted is executed
    # Part 6 steps 7-8
    And the test system reports sampled meter values of the transaction twice
    # Part 6 steps 9-10
    Then the CSMS sends a CostUpdatedRequest for the transaction after every periodic TransactionEventResponse without totalCost
