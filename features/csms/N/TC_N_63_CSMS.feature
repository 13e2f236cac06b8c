@TC_N_63_CSMS
Feature: TC_N_63_CSMS Clear Customer Information - Clear and report - customerCertificate
  Asked by an operator, the CSMS has the station report and clear what it stores about a customer named by the hash
  data of the customer's contract certificate, and takes the station's report.

  Scenario: customer information named by contract certificate, reported and cleared
    Given the test system is connected to the CSMS and accepted
    And a customer contract certificate is configured
    # Part 6 step 1
    When the operator makes the CSMS send a CustomerInformationRequest with:
      | requestId           | <new requestId>                   |
      | report              | true                              |
      | clear               | true                              |
      | customerCertificate | <customer certificate hash data> |
    Then the CSMS sends a CustomerInformationRequest with:
      | report              | true                              |
      | clear               | true                              |
      | customerCertificate | <customer certificate hash data> |
    # Part 6 step 2
    And the test system responds with a CustomerInformationResponse with status Accepted
    # Part 6 steps 3-4
    When the test system sends a NotifyCustomerInformationRequest for the CustomerInformationRequest with:
      | seqNo       | 0                                          |
      | tbc         | false                                      |
      | generatedAt | <now>                                      |
      | data        | "sessions of this contract: 1, cleared" |
    Then the CSMS responds with a NotifyCustomerInformationResponse
