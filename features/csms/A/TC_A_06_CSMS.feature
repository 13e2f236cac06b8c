@TC_A_06_CSMS
Feature: TC_A_06_CSMS TLS - server-side certificate - TLS version too low
  The CSMS ends a TLS handshake that offers only a version below 1.2, and serves the station normally when it comes
  back with TLS 1.2 or above.

  Scenario: TLS 1.1 refused, TLS 1.2 or above accepted
    # Part 6 steps 1-2
    When the test system opens a TLS connection offering only "TLS 1.1"
    Then the CSMS refuses the connection attempt
    # Part 6 steps 3-8
    When the test system connects with its configured identity, credentials and TLS settings
    Then the CSMS accepts the connection attempt
    # Part 6 steps 9-12
    When the reusable state Booted is executed
