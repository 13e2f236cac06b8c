@TC_A_03_CSMS
Feature: TC_A_03_CSMS Basic Authentication - Invalid password
  The CSMS refuses the WebSocket upgrade when the Basic Auth password is not the one configured for the station.

  Scenario: Basic Auth with a random password
    # Part 6 steps 1-2
    When the test system connects with a random Basic Auth password
    Then the CSMS refuses the connection attempt
