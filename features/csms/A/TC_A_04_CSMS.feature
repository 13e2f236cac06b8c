@TC_A_04_CSMS
Feature: TC_A_04_CSMS TLS - server-side certificate - Valid certificate
  Over TLS the CSMS identifies itself with a proper server certificate, negotiates TLS 1.2 or above, supports the
  cipher suites OCPP requires, and then serves the station as usual.

  Scenario: TLS connection with the CSMS's server certificate
    # Part 6 steps 1-4
    When the test system connects with its configured identity, credentials and TLS settings
    Then the CSMS accepts the connection attempt
    And the CSMS uses TLS 1.2 or above and a server certificate that meets the OCPP requirements
    And the CSMS supports the required TLS 1.2 cipher suites
    # Part 6 steps 5-10
    When the reusable state Booted is executed
