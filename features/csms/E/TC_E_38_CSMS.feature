@TC_E_38_CSMS
Feature: TC_E_38_CSMS Local start transaction - EV not ready
  The driver is authorized and plugs in, but the EV is not ready to take energy yet. The CSMS must take the report that
  the EV suspends the energy transfer before any charging happened.

  Scenario: the EV is not ready after authorization and plug-in
    Given the test system is connected to the CSMS and accepted
    And the reusable state Authorized is reached
    # Part 6 step 1
    When the reusable state EVConnectedPreSession is executed
    # Part 6 steps 2-3
    And the test system sends a TransactionEventRequest with:
      | eventType                     | Updated              |
      | triggerReason                 | ChargingStateChanged |
      | transactionInfo.chargingState | SuspendedEV          |
    Then the CSMS responds with a TransactionEventResponse
