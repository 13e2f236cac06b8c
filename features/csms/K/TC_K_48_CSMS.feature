@TC_K_48_CSMS
Feature: TC_K_48_CSMS Set / Update External Charging Limit (not on a transaction)
  An energy management system limited the station; the station tells the CSMS, which must take the news.
  # Outside the certification profiles (Part 5 lists no profile for this case).
  Scenario: an external limit reported
    Given the test system is connected to the CSMS and accepted
    # Part 6 steps 1-2
    When the test system sends a NotifyChargingLimitRequest with:
      | chargingLimit.chargingLimitSource | EMS |
    Then the CSMS responds with a NotifyChargingLimitResponse
