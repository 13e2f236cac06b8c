@TC_K_29_CSMS
Feature: TC_K_29_CSMS Get Charging Profile - EvseId 0
  While energy flows, an operator asks the CSMS for the station-wide profiles of the configured purpose; the CSMS
  must take the station's report.
  # The "configured" smart-charging values are the bench values of the test system (see TC_K_01_CSMS); the operator
  # hands them to the CSMS in the request it asks for.
  Scenario: profiles of the whole station by purpose
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
    And the reusable state EnergyTransferStarted is reached
    # Part 6 step 1
    When the operator makes the CSMS send a GetChargingProfilesRequest with:
      | requestId                              | <new requestId>                     |
      | evseId                                 | 0                                   |
      | chargingProfile.chargingProfilePurpose | <configured chargingProfilePurpose> |
    Then the CSMS sends a GetChargingProfilesRequest with:
      | requestId                              | <generated requestId>               |
      | evseId                                 | 0                                   |
      | chargingProfile.chargingProfilePurpose | <configured chargingProfilePurpose> |
    # Part 6 step 2
    And the test system responds with a GetChargingProfilesResponse with status Accepted
    # Part 6 steps 3-4
    # Every report carries the requestId received and must be answered.
    And the test system reports its charging profiles in ReportChargingProfilesRequests
