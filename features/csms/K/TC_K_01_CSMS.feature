@TC_K_01_CSMS
Feature: TC_K_01_CSMS Set Charging Profile - TxDefaultProfile - Specific EVSE
  Asked by an operator, the CSMS installs a default profile for new transactions on one EVSE: an absolute schedule
  of the configured length, valid from now, at 6 A (6000 W) in the configured unit and stack level.

  # The "configured" smart-charging values (profile id, stack level, unit, phases, duration) are the bench values of
  # the test system; the operator hands them to the CSMS in the request it asks for, and the case checks that the
  # CSMS sent exactly them.
  Scenario: a TxDefaultProfile for the configured EVSE
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
    # Part 6 step 1
    When the operator makes the CSMS send a SetChargingProfileRequest with:
      | evseId                                                          | <configured evseId>            |
      | chargingProfile.id                                              | <configured chargingProfileId> |
      | chargingProfile.stackLevel                                      | <configured stackLevel>        |
      | chargingProfile.chargingProfilePurpose                          | TxDefaultProfile               |
      | chargingProfile.chargingProfileKind                             | Absolute                       |
      | chargingProfile.validFrom                                       | <profile validFrom>            |
      | chargingProfile.validTo                                         | <profile validTo>              |
      | chargingProfile.chargingSchedule[0].id                          | 1                              |
      | chargingProfile.chargingSchedule[0].startSchedule               | <profile validFrom>            |
      | chargingProfile.chargingSchedule[0].duration                    | <configured duration>          |
      | chargingProfile.chargingSchedule[0].chargingRateUnit            | <configured chargingRateUnit>  |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod  | 0                   |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit        | <limit 6.0 or 6000.0> |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].numberPhases | <configured numberPhases> |
    Then the CSMS sends a SetChargingProfileRequest with:
      | evseId                                                                     | <configured evseId>                    |
      | chargingProfile.id                                                         | <configured chargingProfileId>         |
      | chargingProfile.stackLevel                                                 | <configured stackLevel>                |
      | chargingProfile.chargingProfilePurpose                                     | TxDefaultProfile                       |
      | chargingProfile.chargingProfileKind                                        | Absolute                               |
      | chargingProfile.chargingSchedule[0].duration                               | <configured duration>                  |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                       | <configured chargingRateUnit>          |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod  | 0                                      |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit        | <limit 6.0 or 6000.0>                  |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].numberPhases | absent or <configured numberPhases>    |
    # Part 6 step 2
    And the test system responds with a SetChargingProfileResponse with status Accepted
    # Part 6 step 1
    # The dates of the profile.
    And the charging profile is valid from now for the configured duration and its schedule starts now
