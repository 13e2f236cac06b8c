@TC_A_07_CSMS
Feature: TC_A_07_CSMS TLS - Client-side certificate - valid certificate
  At security profile 3 the station identifies itself with its client certificate; the CSMS completes the mutual
  TLS handshake (TLS 1.2 or above, the required cipher suites), upgrades to a WebSocket and serves the station.

  Scenario: mutual TLS with the station's valid client certificate
    # Part 6 steps 1-6
    When the test system connects with its configured identity, credentials and TLS settings
    Then the CSMS accepts the connection attempt
    # Part 6 step 3
    And the CSMS uses TLS 1.2 or above and a server certificate that meets the OCPP requirements
    And the CSMS supports the required TLS 1.2 cipher suites
    # Part 6 steps 7-10
    When the reusable state Booted is executed
