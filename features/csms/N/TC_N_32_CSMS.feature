@TC_N_32_CSMS
Feature: TC_N_32_CSMS Clear Customer Information - Clear and no report
  Asked by an operator, the CSMS has the station clear what it stores about a customer named by idToken, without a
  report of the data, and takes the station's notice that the data is cleared.

  Scenario: customer information cleared without a report
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a CustomerInformationRequest with:
      | requestId       | <new requestId>                 |
      | report          | false                           |
      | clear           | true                            |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    Then the CSMS sends a CustomerInformationRequest with:
      | report          | false                           |
      | clear           | true                            |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    # Part 6 step 2
    And the test system responds with a CustomerInformationResponse with status Accepted
    # Part 6 steps 3-4
    # (a clear without report is still confirmed by the station with one notification)
    When the test system sends a NotifyCustomerInformationRequest for the CustomerInformationRequest with:
      | seqNo       | 0                       |
      | tbc         | false                   |
      | generatedAt | <now>                   |
      | data        | "customer data cleared" |
    Then the CSMS responds with a NotifyCustomerInformationResponse
