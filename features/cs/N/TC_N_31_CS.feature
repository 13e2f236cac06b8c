@TC_N_31_CS
Feature: TC_N_31_CS Clear Customer Information - Clear and report + no data
  Asked to clear and report a customer it holds nothing about, the station accepts and says so in a notification.

  Scenario: clear and report for an idToken the station holds nothing about
    Given the Charging Station is connected, accepted and idle
    # Part 6 prerequisite: the station holds nothing about the token. Decision: the test system makes sure of it the
    # way TC_N_28_CS does (a clear without report), since earlier cases may have cached the token.
    And the memory state "customer information cleared" is reached for the configured valid idToken
    # Part 6 step 1
    When the test system sends a CustomerInformationRequest with:
      | requestId       | <generated requestId>           |
      | report          | true                            |
      | clear           | true                            |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    # Part 6 step 2
    Then the Charging Station responds with a CustomerInformationResponse with:
      | status | Accepted |
    # Part 6 steps 3-4. Post scenario "no data found": decision as in TC_N_28_CS, one part with empty data.
    And the Charging Station sends its NotifyCustomerInformationRequests for the request, each answered, every part with:
      | requestId | <generated requestId> |
      | tbc       | absent or false       |
      | data      | ""                    |
