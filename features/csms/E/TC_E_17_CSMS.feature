@TC_E_17_CSMS
Feature: TC_E_17_CSMS Stop transaction options - Deauthorized - EV side disconnect
  A station configured to stop on an EV-side disconnect ends a suspended session the moment it loses contact with the
  EV, without any stop authorization. The CSMS must take that Ended event.

  Scenario: the transaction ends when the cable is pulled out of the EV
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferSuspended is reached
    # Part 6 steps 1-2
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Ended               |
      | triggerReason                 | EVCommunicationLost |
      | transactionInfo.chargingState | Idle                |
      | transactionInfo.stoppedReason | EVDisconnected      |
    Then the CSMS responds with a TransactionEventResponse
