@TC_K_57_CSMS
Feature: TC_K_57_CSMS Renegotiating a Charging Schedule - Initiated by EV
  During ISO 15118 smart charging the EV asks to renegotiate with new charging needs: the CSMS must answer them and
  send a new TxProfile for the transaction, whose schedule it then accepts.
  # The EV is a mock ISO 15118 EV of the test system (three-phase AC, 6-32 A); its schedule repeats the periods of
  # the profile it answers, or raises them above it where Part 6 wants a schedule that exceeds the limits.
  Scenario: the EV renegotiates
    Given the test system is connected to the CSMS and accepted
    And the reusable state Authorized is reached
    And the reusable state EVConnectedPreSession is reached
    And the reusable state ISO15118SmartCharging is reached
    # Errata 2024-09 (6.3.11) removed the TransactionEventRequests with triggerReason ChargingRateChanged (steps 3-4
    # and 9-10) from this case.
    # Part 6 steps 1-2
    When the test system sends the charging needs of the EV in a NotifyEVChargingNeedsRequest
    Then the CSMS responds with a NotifyEVChargingNeedsResponse with:
      | status | one of Accepted, Processing |
    # Part 6 step 5
    Then the CSMS sends a SetChargingProfileRequest for the EV with:
      | evseId                                 | <configured evseId> |
      | chargingProfile.chargingProfilePurpose | TxProfile           |
      | chargingProfile.transactionId          | <transactionId>     |
    # Part 6 step 6
    And the test system responds with a SetChargingProfileResponse with status Accepted
    # Part 6 steps 7-8
    When the test system sends a NotifyEVChargingScheduleRequest with the schedule of that profile
    Then the CSMS responds with a NotifyEVChargingScheduleResponse with:
      | status | Accepted |
