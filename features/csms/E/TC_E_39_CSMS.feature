@TC_E_39_CSMS
Feature: TC_E_39_CSMS Stop transaction options - Deauthorized - timeout
  The driver is authorized but never plugs in; when the station's EV connection timeout runs out it ends the
  transaction it opened at the authorization. The CSMS must take that Ended event.

  Scenario: an authorized transaction ends because no EV was connected in time
    Given the test system is connected to the CSMS and accepted
    And the reusable state Authorized is reached
    # Part 6 note: the station waits its EV connection timeout first; the bench's configured transaction duration
    # stands in for <Configured EV connection timeout>
    When the configured transaction duration passes without the EV being plugged in
    # Part 6 steps 1-2
    And the test system sends a TransactionEventRequest with:
      | eventType                     | Ended            |
      | triggerReason                 | EVConnectTimeout |
      | transactionInfo.stoppedReason | Timeout          |
    Then the CSMS responds with a TransactionEventResponse
