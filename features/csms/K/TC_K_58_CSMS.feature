@TC_K_58_CSMS
Feature: TC_K_58_CSMS Renegotiating a Charging Schedule - Initiated by CSMS
  During ISO 15118 smart charging an operator makes the CSMS change the limits of the transaction: a new TxProfile
  for it, whose schedule the EV sends back and the CSMS accepts.
  # The EV is a mock ISO 15118 EV of the test system (three-phase AC, 6-32 A); its schedule repeats the periods of
  # the profile it answers, or raises them above it where Part 6 wants a schedule that exceeds the limits.
  # The operator raises the transaction's limit to 20 A (20000 W), above what the CSMS planned for the EV itself.
  Scenario: the CSMS renegotiates
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
    And the reusable state Authorized is reached
    And the reusable state EVConnectedPreSession is reached
    And the reusable state ISO15118SmartCharging is reached
    # Part 6 step 1
    When the operator makes the CSMS send a SetChargingProfileRequest with:
      | evseId                                                                     | <configured evseId>            |
      | chargingProfile.id                                                         | <configured chargingProfileId> |
      | chargingProfile.stackLevel                                                 | <configured stackLevel>        |
      | chargingProfile.chargingProfilePurpose                                     | TxProfile                      |
      | chargingProfile.chargingProfileKind                                        | Relative                       |
      | chargingProfile.transactionId                                              | <transactionId>                |
      | chargingProfile.chargingSchedule[0].id                                     | 1                              |
      | chargingProfile.chargingSchedule[0].duration                               | <configured duration>          |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                       | <configured chargingRateUnit>  |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod  | 0                              |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit        | <limit 20.0 or 20000.0>        |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].numberPhases | <configured numberPhases>      |
    Then the CSMS sends a SetChargingProfileRequest with:
      | evseId                                 | <configured evseId> |
      | chargingProfile.chargingProfilePurpose | TxProfile           |
      | chargingProfile.transactionId          | <transactionId>     |
    # Part 6 step 2
    And the test system responds with a SetChargingProfileResponse with status Accepted
    # Part 6 steps 3-4
    When the test system sends a NotifyEVChargingScheduleRequest with the schedule of that profile
    Then the CSMS responds with a NotifyEVChargingScheduleResponse with:
      | status | Accepted |
    # Errata 2024-09 (6.3.11) removed the TransactionEventRequest with triggerReason ChargingRateChanged from this case.
