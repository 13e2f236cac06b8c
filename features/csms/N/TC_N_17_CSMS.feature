@TC_N_17_CSMS
Feature: TC_N_17_CSMS Set Monitoring Level - Out of range
  Asked by an operator, the CSMS sets the monitoring level to severity 4 and takes the station's refusal.

  # Decision: Part 6 lists no tool validation here; the request is checked to carry the severity the operator chose,
  # as in TC_N_16_CSMS.
  Scenario: monitoring level 4, rejected
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a SetMonitoringLevelRequest with:
      | severity | 4 |
    Then the CSMS sends a SetMonitoringLevelRequest with:
      | severity | 4 |
    # Part 6 step 2
    And the test system responds with a SetMonitoringLevelResponse with status Rejected
