@TC_A_04_CS
Feature: TC_A_04_CS TLS - server-side certificate - Valid certificate
  Over TLS the station accepts the test system's configured server certificate, connects with TLS 1.2 or above and a
  cipher suite the specification requires, and boots.

  # Decision: Part 6 starts from Booting; a reset (Immediate) makes the station open a new TLS connection and boot.
  # Decision: step 2's cipher-suite check serves, for that connection, TLS 1.2 with only the required pair of suites
  # that fits the configured server certificate (ECDSA: TLS_ECDHE_ECDSA_WITH_AES_128/256_GCM_SHA256/384; RSA:
  # TLS_RSA_WITH_AES_128/256_GCM_SHA256/384): a station that supports neither cannot connect. The configured TLS
  # parameters are served again when the case ends.
  Scenario: a TLS connection with the configured server certificate
    Given the Charging Station is connected, accepted and idle
    And the test system serves TLS 1.2 with only the cipher suites required for its server certificate
    When the test system sends a ResetRequest with:
      | type | Immediate |
    Then the Charging Station responds with a ResetResponse with:
      | status | Accepted |
    # Part 6 steps 1-6
    Then the Charging Station connects again over TLS 1.2 or above with a required cipher suite
    # Part 6 steps 7-8
    Then the Charging Station sends a BootNotificationRequest
    And the test system responds with a BootNotificationResponse with:
      | status | Accepted |
    # Part 6 steps 9-10
    And the Charging Station reports every connector as "Available"
