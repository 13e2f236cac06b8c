@TC_K_52_CSMS
Feature: TC_K_52_CSMS Set / Update External Charging Limit (not on a transaction) - ChargingStationExternalConstraints in report
  An external system limited the station; asked by an operator, the CSMS asks for the station's profiles and must
  take a report that contains the external constraints profile.
  # The "configured" smart-charging values are the bench values of the test system (see TC_K_01_CSMS); the operator
  # hands them to the CSMS in the request it asks for.
  Scenario: a report with the external constraints profile
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
    # Outside the certification profiles. Part 6 does not say what the CSMS asks for; the operator asks for the
    # external constraints profiles of the whole station.
    # Part 6 step 1
    When the operator makes the CSMS send a GetChargingProfilesRequest with:
      | requestId                              | <new requestId>                    |
      | chargingProfile.chargingProfilePurpose | ChargingStationExternalConstraints |
    Then the CSMS sends a GetChargingProfilesRequest with:
      | requestId | <generated requestId> |
    # Part 6 step 2
    And the test system responds with a GetChargingProfilesResponse with status Accepted
    # Part 6 steps 3-4
    # Every report carries the requestId received and must be answered.
    And the test system reports its external constraints profile in a ReportChargingProfilesRequest
