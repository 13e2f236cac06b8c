@TC_E_31_CS
Feature: TC_E_31_CS Check Transaction status - Transaction with id ended - with message in queue
  Asked, right after coming back, about a transaction that ended while it was offline, the station says it is no
  longer ongoing but that messages of it are queued; the queued events, its end among them, follow.

  Scenario: status of a transaction ended offline
    Given the Charging Station is connected, accepted and idle
    And the reusable state EnergyTransferStarted is reached
    # Part 6 before steps: offline; the driver stops with the same token and unplugs (the parking bay step applies
    # only with TxStopPoint ParkingBayOccupancy); then back online
    When the station loses its connection to the test system
    And the configured transaction duration has passed
    And the driver presents the configured valid idToken
    And the driver unplugs the EV at the configured connector
    And the station regains its connection while the test system holds its TransactionEventResponses
    # Part 6 steps 1-2: asked at once; our answers to the queued events wait, so the queue is still full
    And the test system sends a GetTransactionStatusRequest with:
      | transactionId | <transactionId> |
    Then the Charging Station responds with a GetTransactionStatusResponse with:
      | ongoingIndicator | false |
      | messagesInQueue  | true  |
    # Part 6 steps 3-4: the events the stop states would have judged, now delivered from the queue
    And the Charging Station sends its queued TransactionEventRequests, each with:
      | offline | true |
    And one of the queued TransactionEventRequests has:
      | eventType | Ended |
    # Clean-up (not a Part 6 step): nothing left open, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
