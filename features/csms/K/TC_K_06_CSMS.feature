@TC_K_06_CSMS
Feature: TC_K_06_CSMS Clear Charging Profile - With stackLevel/purpose combination for one profile
  Asked by an operator, the CSMS clears the default profile of one stack level on the configured EVSE by criteria.
  # The "configured" smart-charging values are the bench values of the test system (see TC_K_01_CSMS); the operator
  # hands them to the CSMS in the request it asks for.
  Scenario: a profile cleared by EVSE, purpose and stack level
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
    # Part 6 step 1
    When the operator makes the CSMS send a ClearChargingProfileRequest with:
      | chargingProfileCriteria.evseId                 | <configured evseId>     |
      | chargingProfileCriteria.chargingProfilePurpose | TxDefaultProfile        |
      | chargingProfileCriteria.stackLevel             | <configured stackLevel> |
    Then the CSMS sends a ClearChargingProfileRequest with:
      | chargingProfileCriteria.evseId                 | <configured evseId>     |
      | chargingProfileCriteria.chargingProfilePurpose | TxDefaultProfile        |
      | chargingProfileCriteria.stackLevel             | <configured stackLevel> |
    # Part 6 step 2
    And the test system responds with a ClearChargingProfileResponse with status Accepted
