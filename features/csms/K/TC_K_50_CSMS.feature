@TC_K_50_CSMS
Feature: TC_K_50_CSMS Reset / release external charging limit - Without ongoing transaction
  An energy management system released its limit while no transaction runs; the station tells the CSMS, which must
  take the news.
  # Outside the certification profiles (Part 5 lists no profile for this case).
  Scenario: an external limit released
    Given the test system is connected to the CSMS and accepted
    # Part 6 steps 1-2
    When the test system sends a ClearedChargingLimitRequest with:
      | chargingLimitSource | EMS |
    Then the CSMS responds with a ClearedChargingLimitResponse
