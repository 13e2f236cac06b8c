@TC_N_29_CSMS
Feature: TC_N_29_CSMS Get Customer Information - Not Accepted
  Asked by an operator, the CSMS requests what the station stores about a customer, named by idToken; the station
  refuses the request.

  Scenario: customer information request refused by the station
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
    And the test system responds with a CustomerInformationResponse with status Rejected
