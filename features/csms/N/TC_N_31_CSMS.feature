@TC_N_31_CSMS
Feature: TC_N_31_CSMS Clear Customer Information - Clear and report + no data
  Asked by an operator, the CSMS has the station clear, and report, what it stores about a customer named by idToken,
  and takes the station's report that there was nothing to clear (a single part with empty data).

  Scenario: customer information cleared, nothing stored
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a CustomerInformationRequest with:
      | requestId       | <new requestId>                 |
      | report          | true                            |
      | clear           | true                            |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    Then the CSMS sends a CustomerInformationRequest with:
      | report          | true                            |
      | clear           | true                            |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    # Part 6 step 2
    And the test system responds with a CustomerInformationResponse with status Accepted
    # Part 6 steps 3-4
    When the test system sends a NotifyCustomerInformationRequest for the CustomerInformationRequest with:
      | seqNo       | 0     |
      | tbc         | false |
      | generatedAt | <now> |
      | data        | ""    |
    Then the CSMS responds with a NotifyCustomerInformationResponse
