@TC_A_01_CSMS
Feature: TC_A_01_CSMS Basic Authentication - Valid username/password combination
  A station that presents its identity and the configured password with Basic Auth is let in and accepted at boot.

  Scenario: valid Basic Auth credentials
    # Part 6 steps 1-2
    When the test system connects with its configured identity, credentials and TLS settings
    Then the CSMS accepts the connection attempt
    # Part 6 steps 3-6
    When the reusable state Booted is executed
