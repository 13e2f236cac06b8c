@TC_K_33_CSMS
Feature: TC_K_33_CSMS Get Charging Profile - EvseId > 0 + stackLevel
  Asked by an operator, the CSMS asks for the profiles of one stack level on the configured EVSE.
  # The "configured" smart-charging values are the bench values of the test system (see TC_K_01_CSMS); the operator
  # hands them to the CSMS in the request it asks for.
  Scenario: profiles of one EVSE and stack level
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
    # Part 6 step 1
    When the operator makes the CSMS send a GetChargingProfilesRequest with:
      | requestId                  | <new requestId>         |
      | evseId                     | <configured evseId>     |
      | chargingProfile.stackLevel | <configured stackLevel> |
    Then the CSMS sends a GetChargingProfilesRequest with:
      | requestId                  | <generated requestId>   |
      | evseId                     | <configured evseId>     |
      | chargingProfile.stackLevel | <configured stackLevel> |
    # Part 6 step 2
    And the test system responds with a GetChargingProfilesResponse with status Accepted
    # Part 6 steps 3-4
    # Every report carries the requestId received and must be answered.
    And the test system reports its charging profiles in ReportChargingProfilesRequests
