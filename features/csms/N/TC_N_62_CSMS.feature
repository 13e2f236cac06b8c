@TC_N_62_CSMS
Feature: TC_N_62_CSMS Clear Customer Information - Clear and report - customerIdentifier
  Asked by an operator, the CSMS has the station clear, and report, what it stores about a customer named only by a
  customerIdentifier, and takes the report of the cleared data, sent in two parts.

  Scenario: customer information by customerIdentifier cleared and reported in two parts
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a CustomerInformationRequest with:
      | requestId          | <new requestId>      |
      | report             | true                 |
      | clear              | true                 |
      | customerIdentifier | "OpenChargeAlliance" |
    # errata 2025-04 (6.3.22): the customerIdentifier must be the only reference to the customer
    Then the CSMS sends a CustomerInformationRequest with:
      | report              | true                 |
      | clear               | true                 |
      | customerIdentifier  | "OpenChargeAlliance" |
      | idToken             | absent               |
      | customerCertificate | absent               |
    # Part 6 step 2
    And the test system responds with a CustomerInformationResponse with status Accepted
    # Part 6 steps 3-4
    # (a report may come in several parts: two are sent here)
    When the test system sends a NotifyCustomerInformationRequest for the CustomerInformationRequest with:
      | seqNo       | 0                                            |
      | tbc         | true                                         |
      | generatedAt | <now>                                        |
      | data        | "cleared: customer contract data (part 1/2)" |
    Then the CSMS responds with a NotifyCustomerInformationResponse
    When the test system sends a NotifyCustomerInformationRequest for the CustomerInformationRequest with:
      | seqNo       | 1                                      |
      | tbc         | false                                  |
      | generatedAt | <now>                                  |
      | data        | "cleared: 1 stored session (part 2/2)" |
    Then the CSMS responds with a NotifyCustomerInformationResponse
