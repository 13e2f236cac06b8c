@TC_K_04_CSMS
Feature: TC_K_04_CSMS Replace charging profile - With chargingProfileId
  The operator changes the limit of an installed profile (8 A, then 6 A, or 8000 W then 6000 W): the CSMS must replace
  the profile by sending the same profile id again, not add a second one.
  # The "configured" smart-charging values are the bench values of the test system (see TC_K_01_CSMS); the operator
  # hands them to the CSMS in the request it asks for.
  Scenario: a profile replaced through its id
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
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
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit        | <limit 8.0 or 8000.0>          |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].numberPhases | <configured numberPhases>      |
    Then the CSMS sends a SetChargingProfileRequest with:
      | chargingProfile.id                                                  | <configured chargingProfileId> |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit | <limit 8.0 or 8000.0>          |
    # Part 6 step 2
    And the test system responds with a SetChargingProfileResponse with status Accepted
    # Part 6 step 3
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
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit | <limit 6.0 or 6000.0> |
    # Part 6 step 4
    And the test system responds with a SetChargingProfileResponse with status Accepted
    # Part 6 step 3
    # The id, compared with the first profile's.
    And the second charging profile has the id of the first
