@TC_K_31_CSMS
Feature: TC_K_31_CSMS Get Charging Profile - No EvseId
  Asked by an operator, the CSMS asks for every profile of the station, without naming an EVSE; the station
  reports EVSE by EVSE (tbc on all but the last), and the CSMS must answer each report.
  # The "configured" smart-charging values are the bench values of the test system (see TC_K_01_CSMS); the operator
  # hands them to the CSMS in the request it asks for.
  Scenario: profiles of every EVSE
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
    # Part 6 repeats steps 3-4 for every EVSE with tbc true; the last report of the series ends it (tbc false).
    # Part 6 step 1
    When the operator makes the CSMS send a GetChargingProfilesRequest with:
      | requestId       | <new requestId> |
      | chargingProfile | {}              |
    Then the CSMS sends a GetChargingProfilesRequest with:
      | requestId | <generated requestId> |
      | evseId    | absent                |
    # Part 6 step 2
    And the test system responds with a GetChargingProfilesResponse with status Accepted
    # Part 6 steps 3-4
    # Every report carries the requestId received and must be answered.
    And the test system reports its charging profiles in ReportChargingProfilesRequests
