@TC_N_32_CS
Feature: TC_N_32_CS Clear Customer Information - Clear and no report
  Asked to clear a customer's data without a report, the station accepts and confirms the clear in one notification.

  Scenario: clear without report for an idToken
    Given the Charging Station is connected, accepted and idle
    # Part 6 prerequisite (the station holds nothing about the token): not prepared. Decision: a clear is confirmed
    # whether or not there was data, so what earlier cases left does not change the expected flow.
    # Part 6 step 1
    When the test system sends a CustomerInformationRequest with:
      | requestId       | <generated requestId>           |
      | report          | false                           |
      | clear           | true                            |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    # Part 6 step 2
    Then the Charging Station responds with a CustomerInformationResponse with:
      | status | Accepted |
    # Part 6 steps 3-4. Post scenario "the data is cleared": decision: one notification (tbc not true) whose data says
    # something; empty data is how a station says it found nothing, not that it cleared.
    And the Charging Station sends its NotifyCustomerInformationRequests for the request, each answered, every part with:
      | requestId | <generated requestId> |
      | tbc       | absent or false       |
      | data      | not empty             |
