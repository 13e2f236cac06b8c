@TC_K_15_CSMS
Feature: TC_K_15_CSMS Set Charging Profile - Not Supported
  The station does not implement smart charging: the CSMS's TxDefaultProfile is answered with CALLERROR
  NotSupported, which the CSMS must take without breaking the session.
  # The "configured" smart-charging values are the bench values of the test system (see TC_K_01_CSMS); the operator
  # hands them to the CSMS in the request it asks for.
  Scenario: a TxDefaultProfile to a station without smart charging
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
    And the test system's station does not support smart charging
    # Part 6 step 1
    When the operator makes the CSMS send a SetChargingProfileRequest with:
      | evseId                                                                     | <configured evseId>            |
      | chargingProfile.id                                                         | <configured chargingProfileId> |
      | chargingProfile.stackLevel                                                 | <configured stackLevel>        |
      | chargingProfile.chargingProfilePurpose                                     | TxDefaultProfile               |
      | chargingProfile.chargingProfileKind                                        | Absolute                       |
      | chargingProfile.validFrom                                                  | <profile validFrom>            |
      | chargingProfile.validTo                                                    | <profile validTo>              |
      | chargingProfile.chargingSchedule[0].id                                     | 1                              |
      | chargingProfile.chargingSchedule[0].startSchedule                          | <profile validFrom>            |
      | chargingProfile.chargingSchedule[0].duration                               | <configured duration>          |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                       | <configured chargingRateUnit>  |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod  | 0                              |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit        | <limit 6.0 or 6000.0>          |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].numberPhases | <configured numberPhases>      |
    Then the CSMS sends a SetChargingProfileRequest with:
      | evseId                                                                     | <configured evseId>                 |
      | chargingProfile.stackLevel                                                 | <configured stackLevel>             |
      | chargingProfile.chargingProfilePurpose                                     | TxDefaultProfile                    |
      | chargingProfile.chargingProfileKind                                        | Absolute                            |
      | chargingProfile.validFrom                                                  | present                             |
      | chargingProfile.validTo                                                    | present                             |
      | chargingProfile.chargingSchedule[0].startSchedule                          | present                             |
      | chargingProfile.chargingSchedule[0].duration                               | <configured duration>               |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                       | <configured chargingRateUnit>       |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod  | 0                                   |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit        | <limit 6.0 or 6000.0>               |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].numberPhases | absent or <configured numberPhases> |
    # Part 6 step 2
    # The station's CALLERROR NotSupported (armed before the request).
    # The session must survive it: the CSMS still answers the station afterwards.
    When the test system sends a HeartbeatRequest
    Then the CSMS responds with a HeartbeatResponse
