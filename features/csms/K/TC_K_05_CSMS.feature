@TC_K_05_CSMS
Feature: TC_K_05_CSMS Clear Charging Profile - With chargingProfileId
  The CSMS learnt a profile of the station from a report; asked by an operator, it clears exactly that profile by
  its id alone, without criteria.
  # The "configured" smart-charging values are the bench values of the test system (see TC_K_01_CSMS); the operator
  # hands them to the CSMS in the request it asks for.
  Scenario: a profile cleared by its id
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
    And the test system's station holds a charging profile of its own
    # Memory state: the CSMS learns the station's profile (an id the station chose) from a report it asked for.
    # Part 6 memory state (before the main steps)
    When the operator makes the CSMS send a GetChargingProfilesRequest with:
      | requestId                           | <new requestId> |
      | chargingProfile.chargingLimitSource | ["CSO"]         |
    Then the CSMS sends a GetChargingProfilesRequest with:
      | requestId | <generated requestId> |
    And the test system responds with a GetChargingProfilesResponse with status Accepted
    And the test system reports its charging profiles in ReportChargingProfilesRequests
    # Part 6 step 1
    When the operator makes the CSMS send a ClearChargingProfileRequest with:
      | chargingProfileId | <generated chargingProfileId> |
    Then the CSMS sends a ClearChargingProfileRequest with:
      | chargingProfileId       | <generated chargingProfileId> |
      | chargingProfileCriteria | absent                        |
    # Part 6 step 2
    And the test system responds with a ClearChargingProfileResponse with status Accepted
