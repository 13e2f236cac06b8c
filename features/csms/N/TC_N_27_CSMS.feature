@TC_N_27_CSMS
Feature: TC_N_27_CSMS Get Customer Information - Accepted + data
  Asked by an operator, the CSMS requests what the station stores about a customer, named by idToken, and takes the
  report the station sends in two parts.

  Scenario: customer information reported in two parts
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
    # (a report may come in several parts: two are sent here)
    When the test system sends a NotifyCustomerInformationRequest for the CustomerInformationRequest with:
      | seqNo       | 0                                        |
      | tbc         | true                                     |
      | generatedAt | <now>                                    |
      | data        | "sessions of this idToken: 2 (part 1/2)" |
    Then the CSMS responds with a NotifyCustomerInformationResponse
    When the test system sends a NotifyCustomerInformationRequest for the CustomerInformationRequest with:
      | seqNo       | 1                                              |
      | tbc         | false                                          |
      | generatedAt | <now>                                          |
      | data        | "last session ended EVDisconnected (part 2/2)" |
    Then the CSMS responds with a NotifyCustomerInformationResponse
