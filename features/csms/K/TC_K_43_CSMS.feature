@TC_K_43_CSMS
Feature: TC_K_43_CSMS Get Composite Schedule - Specific EVSE
  Asked by an operator, the CSMS asks for the composite schedule of the configured EVSE for the configured
  duration and unit; the station answers with the schedule it computes from its profiles.
  # The "configured" smart-charging values are the bench values of the test system (see TC_K_01_CSMS); the operator
  # hands them to the CSMS in the request it asks for.
  Scenario: the composite schedule of one EVSE
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
    # Part 6 names EVSE 1; this bench uses its configured EVSE (1 unless configured otherwise).
    # Part 6 step 1
    When the operator makes the CSMS send a GetCompositeScheduleRequest with:
      | evseId           | <configured evseId>           |
      | duration         | <configured duration>         |
      | chargingRateUnit | <configured chargingRateUnit> |
    Then the CSMS sends a GetCompositeScheduleRequest with:
      | evseId           | <configured evseId>           |
      | duration         | <configured duration>         |
      | chargingRateUnit | <configured chargingRateUnit> |
    # Part 6 step 2
    # No profile is installed in this case, so the composite is the station's own limit (10 A or.
    # 10000 W), recomputed from the profiles the station holds.
    And the test system responds with a GetCompositeScheduleResponse computed from its charging profiles, which gives:
      | status                                         | Accepted                      |
      | schedule.evseId                                | <configured evseId>           |
      | schedule.duration                              | 300                           |
      | schedule.chargingRateUnit                      | <configured chargingRateUnit> |
      | schedule.chargingSchedulePeriod[0].startPeriod | 0                             |
      | schedule.chargingSchedulePeriod[0].limit       | <limit 10.0 or 10000.0>       |
    # The session goes on: the CSMS still answers the station.
    When the test system sends a HeartbeatRequest
    Then the CSMS responds with a HeartbeatResponse
