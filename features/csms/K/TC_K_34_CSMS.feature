@TC_K_34_CSMS
Feature: TC_K_34_CSMS Get Charging Profile - EvseId > 0 + chargingLimitSource
  Asked by an operator, the CSMS asks for the profiles an external source set on the configured EVSE; the station
  reports them with that source.
  # The "configured" smart-charging values are the bench values of the test system (see TC_K_01_CSMS); the operator
  # hands them to the CSMS in the request it asks for.
  Scenario: profiles of one EVSE by limit source
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
    # The configured chargingLimitSource of the bench is EMS.
    # Part 6 step 1
    When the operator makes the CSMS send a GetChargingProfilesRequest with:
      | requestId                           | <new requestId>     |
      | evseId                              | <configured evseId> |
      | chargingProfile.chargingLimitSource | ["EMS"]             |
    Then the CSMS sends a GetChargingProfilesRequest with:
      | requestId                              | <generated requestId>            |
      | evseId                                 | <configured evseId>              |
      | chargingProfile.chargingLimitSource[0] | <configured chargingLimitSource> |
    # Part 6 step 2
    And the test system responds with a GetChargingProfilesResponse with status Accepted
    # Part 6 steps 3-4
    # Every report carries the requestId received and must be answered.
    And the test system reports its charging profiles in ReportChargingProfilesRequests
