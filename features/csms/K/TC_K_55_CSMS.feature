@TC_K_55_CSMS
Feature: TC_K_55_CSMS Charging with load leveling based on High Level Communication - EV charging profile exceeds limits
  The EV answers the CSMS's TxProfile with a schedule above its limits: the CSMS must reject that schedule and
  send a new profile, whose schedule it then accepts.
  # The EV is a mock ISO 15118 EV of the test system (three-phase AC, 6-32 A); its schedule repeats the periods of
  # the profile it answers, or raises them above it where Part 6 wants a schedule that exceeds the limits.
  Scenario: an EV schedule above the limits is rejected and renegotiated
    Given the test system is connected to the CSMS and accepted
    And the reusable state Authorized is reached
    And the reusable state EVConnectedPreSession is reached
    # Part 6 steps 1-2
    When the test system sends the charging needs of the EV in a NotifyEVChargingNeedsRequest
    Then the CSMS responds with a NotifyEVChargingNeedsResponse with:
      | status | Accepted |
    # Part 6 step 3
    Then the CSMS sends a SetChargingProfileRequest for the EV with:
      | evseId                                 | <configured evseId> |
      | chargingProfile.chargingProfilePurpose | TxProfile           |
      | chargingProfile.transactionId          | <transactionId>     |
    # Part 6 step 4
    And the test system responds with a SetChargingProfileResponse with status Accepted
    # Part 6 steps 5-6
    When the test system sends a NotifyEVChargingScheduleRequest with a schedule that exceeds that profile
    Then the CSMS responds with a NotifyEVChargingScheduleResponse with:
      | status | Rejected |
    # Part 6 steps 7-8
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Updated              |
      | triggerReason                 | ChargingStateChanged |
      | transactionInfo.chargingState | Charging             |
    Then the CSMS responds with a TransactionEventResponse
    # Part 6 step 9
    # Having rejected the EV's schedule, the CSMS renegotiates with a new profile.
    Then the CSMS sends a SetChargingProfileRequest for the EV with:
      | evseId                                 | <configured evseId> |
      | chargingProfile.chargingProfilePurpose | TxProfile           |
      | chargingProfile.transactionId          | <transactionId>     |
    # Part 6 step 10
    And the test system responds with a SetChargingProfileResponse with status Accepted
    # Part 6 steps 11-12
    When the test system sends a NotifyEVChargingScheduleRequest with the schedule of that profile
    Then the CSMS responds with a NotifyEVChargingScheduleResponse with:
      | status | Accepted |
    # Errata 2024-09 (6.3.11) removed the TransactionEventRequest with triggerReason ChargingRateChanged from this case.
