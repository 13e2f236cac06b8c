@TC_C_37_CSMS
Feature: TC_C_37_CSMS Clear Authorization Data in Authorization Cache - Accepted
  Asked by an operator, the CSMS tells the station to empty its authorization cache with a well-formed ClearCacheRequest;
  the station agrees.

  Scenario: the CSMS clears the authorization cache
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a ClearCacheRequest
    Then the CSMS sends a ClearCacheRequest
    # Part 6 step 2
    And the test system responds with a ClearCacheResponse with status Accepted
