@TC_E_19_CSMS
Feature: TC_E_19_CSMS Stop transaction options - ParkingBayUnoccupied
  A station whose transactions end when the parking bay is vacated keeps the transaction open after the cable is
  unplugged, and ends it only when the vehicle drives away. The CSMS must take that Ended event.

  # The reusable state EVDisconnected ends the transaction, but with the stop point at the parking bay the station
  # cannot end it at the unplug and again at the departure. So the before-state runs as EVDisconnected does, with the
  # unplug reported in an Updated event, and the departure carries the one Ended event.
  Scenario: the transaction ends when the vehicle leaves the parking bay
    Given the test system is connected to the CSMS and accepted
    And the reusable state EVConnectedPostSession is reached
    And the test system reports the configured connector as "Available"
    And the test system sends a TransactionEventRequest with:
      | eventType                     | Updated             |
      | triggerReason                 | EVCommunicationLost |
      | transactionInfo.chargingState | Idle                |
    And the CSMS responds with a TransactionEventResponse
    And the reusable state EVDisconnected counts as reached by the steps above
    # Part 6 steps 1-2
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Ended      |
      | triggerReason                 | EVDeparted |
      | transactionInfo.stoppedReason | Local      |
    Then the CSMS responds with a TransactionEventResponse
