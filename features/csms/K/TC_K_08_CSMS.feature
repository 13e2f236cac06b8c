@TC_K_08_CSMS
Feature: TC_K_08_CSMS Clear Charging Profile - Without previous charging profile
  Asked by an operator, the CSMS clears by criteria a profile the station does not have; the station answers
  Unknown, which the CSMS must take.
  # The "configured" smart-charging values are the bench values of the test system (see TC_K_01_CSMS); the operator
  # hands them to the CSMS in the request it asks for.
  Scenario: clearing a profile the station does not know
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
    And the test system responds with a ClearChargingProfileResponse with status Unknown
    # The session goes on after the refusal: the CSMS still answers the station.
    When the test system sends a HeartbeatRequest
    Then the CSMS responds with a HeartbeatResponse
