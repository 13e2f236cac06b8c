@TC_M_31_CS
Feature: TC_M_31_CS Install CA certificate - AdditionalRootCertificateCheck - Reconnect using new CSMS Root - Fallback mechanism
  After a new CSMS root (signed by the old one) is installed, a CSMS certificate the old root issued does not verify
  with the new root; the station falls back to the old root, connects, and keeps the old root.

  # Decision: Part 6 does not say whether the first, failing verification is a separate connection attempt; the
  # test system accepts either and judges the reconnection and the installed roots.
  Scenario: reconnect through the fallback CSMS root
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state CertificateInstalled: <configured new CSMS Root certificate 2>, issued by the old root.
    And the memory state CertificateInstalled is reached on the Charging Station for certificateType CSMSRootCertificate
    And the test system serves its server certificate signed by the old CSMS root
    # Part 6 steps 1-2
    When the test system sends a ResetRequest with:
      | type | OnIdle |
    Then the Charging Station responds with a ResetResponse with:
      | status | Accepted |
    # Part 6 steps 3-6: the new root does not verify the CSMS certificate, the old one does; reusable state Booted.
    Then the Charging Station sends a BootNotificationRequest
    And the test system responds with a BootNotificationResponse with:
      | status | Accepted |
    And the Charging Station reports every connector as "Available"
    # Part 6 steps 7-8
    And asked for its CSMSRootCertificate, the Charging Station still lists the old CSMS root
