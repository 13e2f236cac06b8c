@TC_A_02_CSMS
Feature: TC_A_02_CSMS Basic Authentication - Username does not equal ChargingStationId
  The CSMS refuses the WebSocket upgrade when the Basic Auth user name is not the identity in the URL, even with the
  right password.

  Scenario: Basic Auth user name differs from the identity
    # Part 6 steps 1-2
    When the test system connects with a Basic Auth user name other than its identity
    Then the CSMS refuses the connection attempt
