@TC_K_03_CSMS
Feature: TC_K_03_CSMS Set Charging Profile - ChargingStationMaxProfile
  Asked by an operator, the CSMS caps the whole station with a ChargingStationMaxProfile (EVSE 0) at 8 A (8000 W).
  # The "configured" smart-charging values are the bench values of the test system (see TC_K_01_CSMS); the operator
  # hands them to the CSMS in the request it asks for.
  Scenario: a ChargingStationMaxProfile for the whole station
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
    # Part 6 allows an Absolute or a Relative profile here (errata 2024-09); the operator asks for an Absolute one.
    # Part 6 step 1
    When the operator makes the CSMS send a SetChargingProfileRequest with:
      | evseId                                                                     | 0                              |
      | chargingProfile.id                                                         | <configured chargingProfileId> |
      | chargingProfile.stackLevel                                                 | <configured stackLevel>        |
      | chargingProfile.chargingProfilePurpose                                     | ChargingStationMaxProfile      |
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
      | evseId                                                                     | 0                                   |
      | chargingProfile.id                                                         | <configured chargingProfileId>      |
      | chargingProfile.stackLevel                                                 | <configured stackLevel>             |
      | chargingProfile.chargingProfilePurpose                                     | ChargingStationMaxProfile           |
      | chargingProfile.chargingProfileKind                                        | one of Absolute, Relative           |
      | chargingProfile.validFrom                                                  | present                             |
      | chargingProfile.validTo                                                    | present                             |
      | chargingProfile.chargingSchedule[0].startSchedule                          | present                             |
      | chargingProfile.chargingSchedule[0].duration                               | <configured duration>               |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                       | <configured chargingRateUnit>       |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod  | 0                                   |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit        | <limit 8.0 or 8000.0>               |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].numberPhases | absent or <configured numberPhases> |
    # Part 6 step 2
    And the test system responds with a SetChargingProfileResponse with status Accepted
