@TC_K_02_CSMS
Feature: TC_K_02_CSMS Set Charging Profile - TxProfile without ongoing transaction on the specified EVSE
  Asked by an operator, the CSMS sends a relative TxProfile at 7 A (7000 W) to an EVSE where no transaction runs;
  the station refuses it, and the CSMS must take the refusal.
  # The "configured" smart-charging values are the bench values of the test system (see TC_K_01_CSMS); the operator
  # hands them to the CSMS in the request it asks for.
  Scenario: a TxProfile for an idle EVSE, refused
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
    # Outside the certification profiles (Part 5 lists no profile for this case).
    # Part 6 step 1
    When the operator makes the CSMS send a SetChargingProfileRequest with:
      | evseId                                                                     | <configured evseId>            |
      | chargingProfile.id                                                         | <configured chargingProfileId> |
      | chargingProfile.stackLevel                                                 | <configured stackLevel>        |
      | chargingProfile.chargingProfilePurpose                                     | TxProfile                      |
      | chargingProfile.chargingProfileKind                                        | Relative                       |
      | chargingProfile.chargingSchedule[0].id                                     | 1                              |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                       | <configured chargingRateUnit>  |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod  | 0                              |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit        | <limit 7.0 or 7000.0>          |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].numberPhases | <configured numberPhases>      |
    Then the CSMS sends a SetChargingProfileRequest with:
      | evseId                                                                     | <configured evseId>                 |
      | chargingProfile.stackLevel                                                 | <configured stackLevel>             |
      | chargingProfile.chargingProfilePurpose                                     | TxProfile                           |
      | chargingProfile.chargingProfileKind                                        | Relative                            |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                       | <configured chargingRateUnit>       |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod  | 0                                   |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit        | <limit 7.0 or 7000.0>               |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].numberPhases | absent or <configured numberPhases> |
    # Part 6 step 2
    And the test system responds with a SetChargingProfileResponse with status Rejected
