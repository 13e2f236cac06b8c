@TC_N_05_CSMS
Feature: TC_N_05_CSMS Set Monitoring Base - success
  Asked by an operator, the CSMS sets each of the three monitoring bases in turn.

  Scenario: monitoring base All, then FactoryDefault, then HardWiredOnly
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a SetMonitoringBaseRequest with:
      | monitoringBase | All |
    Then the CSMS sends a SetMonitoringBaseRequest with:
      | monitoringBase | All |
    # Part 6 step 2
    And the test system responds with a SetMonitoringBaseResponse with status Accepted
    # Part 6 step 3
    When the operator makes the CSMS send a SetMonitoringBaseRequest with:
      | monitoringBase | FactoryDefault |
    Then the CSMS sends a SetMonitoringBaseRequest with:
      | monitoringBase | FactoryDefault |
    # Part 6 step 4
    And the test system responds with a SetMonitoringBaseResponse with status Accepted
    # Part 6 step 5
    When the operator makes the CSMS send a SetMonitoringBaseRequest with:
      | monitoringBase | HardWiredOnly |
    Then the CSMS sends a SetMonitoringBaseRequest with:
      | monitoringBase | HardWiredOnly |
    # Part 6 step 6
    And the test system responds with a SetMonitoringBaseResponse with status Accepted
