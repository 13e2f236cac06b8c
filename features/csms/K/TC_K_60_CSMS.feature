@TC_K_60_CSMS
Feature: TC_K_60_CSMS Set Charging Profile - TxProfile with ongoing transaction on the specified EVSE
  While energy flows, an operator asks the CSMS to limit the running transaction: a TxProfile for the configured
  EVSE carrying that transaction's id.
  # The "configured" smart-charging values are the bench values of the test system (see TC_K_01_CSMS); the operator
  # hands them to the CSMS in the request it asks for.
  Scenario: a TxProfile for the running transaction
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
    And the reusable state EnergyTransferStarted is reached
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
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit        | <limit 6.0 or 6000.0>          |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].numberPhases | <configured numberPhases>      |
    Then the CSMS sends a SetChargingProfileRequest with:
      | evseId                                                                     | <configured evseId>                 |
      | chargingProfile.stackLevel                                                 | <configured stackLevel>             |
      | chargingProfile.chargingProfilePurpose                                     | TxProfile                           |
      | chargingProfile.chargingProfileKind                                        | Relative                            |
      | chargingProfile.transactionId                                              | <transactionId>                     |
      | chargingProfile.chargingSchedule[0].duration                               | <configured duration>               |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                       | <configured chargingRateUnit>       |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod  | 0                                   |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit        | <limit 6.0 or 6000.0>               |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].numberPhases | absent or <configured numberPhases> |
    # Part 6 step 2
    And the test system responds with a SetChargingProfileResponse with status Accepted
