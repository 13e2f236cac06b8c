@TC_K_70_CSMS
Feature: TC_K_70_CSMS Set Charging Profile - Multiple Profiles
  The operator installs two profiles side by side: a default profile for new transactions on the EVSE and a
  station-wide maximum. The CSMS must give them different ids, so that the second does not replace the first.
  # The "configured" smart-charging values are the bench values of the test system (see TC_K_01_CSMS); the operator
  # hands them to the CSMS in the request it asks for.
  Scenario: two profiles with different ids
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
    And the reusable state EnergyTransferStarted is reached
    # Errata 2024-11: the two profiles differ in purpose (TxDefaultProfile, then ChargingStationMaxProfile), and the
    # energy transfer runs first.
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
      | chargingProfile.id                     | <configured chargingProfileId> |
      | chargingProfile.chargingProfilePurpose | TxDefaultProfile               |
    # Part 6 step 2
    And the test system responds with a SetChargingProfileResponse with status Accepted
    # Part 6 step 3
    When the operator makes the CSMS send a SetChargingProfileRequest with:
      | evseId                                                                     | 0                               |
      | chargingProfile.id                                                         | <configured chargingProfileId2> |
      | chargingProfile.stackLevel                                                 | <configured stackLevel>         |
      | chargingProfile.chargingProfilePurpose                                     | ChargingStationMaxProfile       |
      | chargingProfile.chargingProfileKind                                        | Absolute                        |
      | chargingProfile.validFrom                                                  | <profile validFrom>             |
      | chargingProfile.validTo                                                    | <profile validTo>               |
      | chargingProfile.chargingSchedule[0].id                                     | 1                               |
      | chargingProfile.chargingSchedule[0].startSchedule                          | <profile validFrom>             |
      | chargingProfile.chargingSchedule[0].duration                               | <configured duration>           |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                       | <configured chargingRateUnit>   |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod  | 0                               |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit        | <limit 8.0 or 8000.0>           |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].numberPhases | <configured numberPhases>       |
    Then the CSMS sends a SetChargingProfileRequest with:
      | evseId                                 | 0                               |
      | chargingProfile.id                     | <configured chargingProfileId2> |
      | chargingProfile.chargingProfilePurpose | ChargingStationMaxProfile       |
    # Part 6 step 4
    And the test system responds with a SetChargingProfileResponse with status Accepted
    # Part 6 step 3
    # The id, compared with the first profile's.
    And the second charging profile has another id than the first
