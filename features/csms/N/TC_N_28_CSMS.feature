@TC_N_28_CSMS
Feature: TC_N_28_CSMS Get Customer Information - Accepted + no data
  Asked by an operator, the CSMS requests what the station stores about a customer, named by idToken, and takes the
  station's report that it holds nothing about that customer (a single part with empty data).

  Scenario: customer information requested, nothing stored
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a CustomerInformationRequest with:
      | requestId       | <new requestId>                 |
      | report          | true                            |
      | clear           | false                           |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    Then the CSMS sends a CustomerInformationRequest with:
      | report          | true                            |
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
