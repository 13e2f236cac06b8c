@TC_A_06_CS
Feature: TC_A_06_CS TLS - server-side certificate - TLS version too low
  The station ends the TLS handshake when the CSMS offers only TLS 1.0 or 1.1, and connects and boots once the CSMS
  offers TLS 1.2 again.

  # Decision: Part 6 lets the station boot after the failed attempt (steps 10-14); a reset (Immediate) makes it open
  # the new connection. The test system serves the configured certificate with TLS 1.0 and 1.1 only until the
  # station's attempt has ended in the handshake, then its configured TLS parameters again.
  Scenario: TLS 1.0/1.1 only, then TLS 1.2 again
    Given the Charging Station is connected, accepted and idle
    And the Charging Station variable "OCPPCommCtrlr.NetworkProfileConnectionAttempts" is "1" during this case if implemented
    And the test system serves only TLS 1.0 and 1.1
    When the test system sends a ResetRequest with:
      | type | Immediate |
    Then the Charging Station responds with a ResetResponse with:
      | status | Accepted |
    # Part 6 steps 1-3
    Then the Charging Station ends the TLS handshake and does not connect
    # Part 6 steps 4-9
    When the test system serves its configured TLS parameters again
    Then the Charging Station connects again
    # Part 6 steps 10-11
    Then the Charging Station sends a BootNotificationRequest
    And the test system responds with a BootNotificationResponse with:
      | status | Accepted |
    # Part 6 steps 12-13
    And the Charging Station reports every connector as "Available"
    # Part 6 steps 14-17 (16-17 optional)
    And the Charging Station reports its boot with a SecurityEventNotificationRequest, and InvalidTLSVersion if it noticed
