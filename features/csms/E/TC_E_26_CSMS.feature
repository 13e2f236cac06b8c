@TC_E_26_CSMS
Feature: TC_E_26_CSMS Disconnect cable on EV-side - Suspend transaction
  A station configured not to stop on an EV-side disconnect keeps the transaction open when the cable is pulled out of
  the EV; the session resumes when the cable goes back in. The CSMS must take every event of that interruption and
  keep the transaction going.

  Scenario: the transaction survives an EV-side unplug and resumes charging
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferSuspended is reached
    # Part 6 steps 1-2
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Updated             |
      | triggerReason                 | EVCommunicationLost |
      | transactionInfo.chargingState | Idle                |
    Then the CSMS responds with a TransactionEventResponse
    # Part 6 steps 3-4
    When the test system reports the configured connector as "Available"
    # Part 6 steps 5-6
    And the test system sends a TransactionEventRequest with:
      | eventType                     | Updated        |
      | triggerReason                 | CablePluggedIn |
      | transactionInfo.chargingState | EVConnected    |
    Then the CSMS responds with a TransactionEventResponse
    # Part 6 steps 7-8
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Updated              |
      | triggerReason                 | ChargingStateChanged |
      | transactionInfo.chargingState | Charging             |
    Then the CSMS responds with a TransactionEventResponse
