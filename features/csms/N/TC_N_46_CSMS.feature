@TC_N_46_CSMS
Feature: TC_N_46_CSMS Clear Customer Information - Update Local Authorization List
  Asked by an operator, the CSMS has the station report and clear what it stores about a customer named by idToken;
  once the station has reported, the CSMS takes that idToken out of the station's local authorization list, where
  the CSMS itself had put it.

  # Decision where Part 6 is silent: the memory state (a list holding the configured valid idToken) is made through
  # the CSMS (an operator-asked full list, accepted), so that the CSMS knows what the station's list holds.
  # The check of step 5 follows the errata (2024-11): a differential removal of just that idToken, or a full list
  # without it.
  Scenario: clearing a customer's data removes the idToken from the local list
    Given the test system is connected to the CSMS and accepted
    # Part 6 memory state
    And the CSMS has given the test system a local authorization list with the configured valid idToken
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
      | seqNo       | 0                                     |
      | tbc         | false                                 |
      | generatedAt | <now>                                 |
      | data        | "sessions of this idToken: 1, cleared" |
    Then the CSMS responds with a NotifyCustomerInformationResponse
    # Part 6 step 5
    And the CSMS sends a SendLocalListRequest
    # Part 6 step 6
    And the test system responds with a SendLocalListResponse with status Accepted
    # Part 6 step 5
    # (checked once the request is answered, so that the answer is not held up)
    And the SendLocalListRequest removes the configured valid idToken from the local list
