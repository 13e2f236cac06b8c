@TC_E_29_CS
Feature: TC_E_29_CS Check Transaction status - Transaction with id ongoing - with message in queue
  Asked, right after coming back, about its running transaction while events of it wait in the queue, the station
  says it is ongoing and that messages are queued; the queued events follow.

  Scenario: status of the running transaction with queued meter values
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: meter values sampled during transactions at the configured interval (the retry back-off
    # variables are left as they are: the bench restores the network itself)
    And the station samples transaction meter values at the configured interval for this case
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2: offline for longer than the meter values interval, then back
    When the station loses its connection to the test system
    And the station stays offline for two meter values intervals
    And the station regains its connection while the test system holds its TransactionEventResponses
    # Part 6 steps 3-4: asked at once; our answers to the queued events wait, so the queue is still full
    And the test system sends a GetTransactionStatusRequest with:
      | transactionId | <transactionId> |
    Then the Charging Station responds with a GetTransactionStatusResponse with:
      | ongoingIndicator | true |
      | messagesInQueue  | true |
    # Part 6 steps 5-6
    And the Charging Station sends its queued TransactionEventRequests, each with:
      | eventType  | Updated |
      | meterValue | present |
      | offline    | true    |
    # Clean-up (not a Part 6 step): unplug and end the transaction, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
