@TC_M_30_CS
Feature: TC_M_30_CS Install CA certificate - AdditionalRootCertificateCheck - Reconnect using new CSMS Root - Success
  After a new CSMS root (signed by the old one) is installed, the station reconnects to a CSMS whose certificate that
  new root issued, and then drops the old root.

  # Decisions: the test system's TLS listener sends the new root after its new server certificate (names as in the
  # run's server certificate). Under security profile 3 Part 6 also renews the station certificate first; the test
  # system keeps trusting the station certificate it has, so that renewal is left out. On a station that stays
  # connected through the run, the new root and the new server certificate stay in use after the case.
  Scenario: reconnect with the new CSMS root
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state CertificateInstalled: <configured new CSMS Root certificate 2>, issued by the old root.
    And the memory state CertificateInstalled is reached on the Charging Station for certificateType CSMSRootCertificate
    And the test system serves a server certificate signed by the configured CSMSRootCertificate
    # Part 6 steps 1-2
    When the test system sends a ResetRequest with:
      | type | OnIdle |
    Then the Charging Station responds with a ResetResponse with:
      | status | Accepted |
    # Part 6 steps 3-5: the TLS handshake with the new server certificate must succeed; reusable state Booted.
    Then the Charging Station sends a BootNotificationRequest
    And the test system responds with a BootNotificationResponse with:
      | status | Accepted |
    And the Charging Station reports every connector as "Available"
    # Part 6 steps 6-7
    And asked for its CSMSRootCertificate, the Charging Station no longer lists the old CSMS root
