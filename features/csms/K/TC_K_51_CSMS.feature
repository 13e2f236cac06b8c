@TC_K_51_CSMS
Feature: TC_K_51_CSMS Reset / release external charging limit - With ongoing transaction
  An energy management system released its limit during a transaction; the station tells the CSMS, then reports
  the changed charging rate of the transaction; the CSMS must take both.
  # Outside the certification profiles (Part 5 lists no profile for this case).
  Scenario: an external limit released during a transaction
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system sends a ClearedChargingLimitRequest with:
      | chargingLimitSource | EMS                 |
      | evseId              | <configured evseId> |
    Then the CSMS responds with a ClearedChargingLimitResponse
    # Part 6 steps 3-4
    When the test system sends a TransactionEventRequest with:
      | eventType     | Updated             |
      | triggerReason | ChargingRateChanged |
    Then the CSMS responds with a TransactionEventResponse
