@TC_N_16_CSMS
Feature: TC_N_16_CSMS Set Monitoring Level - Success
  Asked by an operator, the CSMS sets the monitoring level to severity 4.

  Scenario: monitoring level 4, accepted
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a SetMonitoringLevelRequest with:
      | severity | 4 |
    Then the CSMS sends a SetMonitoringLevelRequest with:
      | severity | 4 |
    # Part 6 step 2
    And the test system responds with a SetMonitoringLevelResponse with status Accepted
