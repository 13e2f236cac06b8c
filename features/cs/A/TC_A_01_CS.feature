@TC_A_01_CS
Feature: TC_A_01_CS Basic Authentication - Valid username/password combination
  After a reboot the station connects with HTTP Basic Authentication: its own identity as user name and the configured
  password, which is 16 to 40 identifierString characters long.

  Scenario: Basic Auth at the connection after a reboot
    Given the Charging Station is connected, accepted and idle
    # Part 6 step 1
    When the reusable state Booted is reached
    Then the Charging Station connected with HTTP Basic Authentication: its identity as user and the configured password
