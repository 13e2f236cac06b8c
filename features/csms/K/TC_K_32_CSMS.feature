@TC_K_32_CSMS
Feature: TC_K_32_CSMS Get Charging Profile - chargingProfileId
  Asked by an operator, the CSMS asks for one profile by its id, with a requestId of its own, and takes the report.
  # The "configured" smart-charging values are the bench values of the test system (see TC_K_01_CSMS); the operator
  # hands them to the CSMS in the request it asks for.
  Scenario: one profile by id
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
    # The profile id is the bench's configured one (Part 6 speaks of a received id without saying where from).
    # Part 6 step 1
    When the operator makes the CSMS send a GetChargingProfilesRequest with:
      | requestId                         | <new requestId>                  |
      | chargingProfile.chargingProfileId[0] | <configured chargingProfileId>  |
    Then the CSMS sends a GetChargingProfilesRequest with:
      | requestId                            | <generated requestId>          |
      | chargingProfile.chargingProfileId[0] | <configured chargingProfileId> |
    # Part 6 step 2
    And the test system responds with a GetChargingProfilesResponse with status Accepted
    # Part 6 steps 3-4
    # Every report carries the requestId received and must be answered.
    And the test system reports its charging profiles in ReportChargingProfilesRequests
