@TC_B_47_CS
Feature: TC_B_47_CS Migrate to new ConnectionProfile - Fallback after NetworkProfileConnectionAttempts per NetworkConfigurationPriority failed - New CSMS Root - New CSMS
  With a new CSMS root installed and a second connection profile put first, the new CSMS presents a certificate the old
  root issued: the new root does not verify it, so the station goes back to its previous profile, verifies the CSMS
  there with the old (fallback) root, and keeps that root.

  # Decisions: the second profile is the test system under one more path segment (as in TC_B_46), played as the new
  # CSMS with the run's own server certificate (issued by the old root). Its attempts there fail in the TLS handshake,
  # before the test system sees their URL, so the test system counts failed handshakes: NetworkProfileConnectionAttempts
  # of them with the new profile and one more on the previous profile (where a station may try its new root first, as
  # in TC_M_31) are allowed before the station is back on the previous profile; each may come after the station's own
  # back-off, as in TC_B_46. A connection anywhere else than the new profile is one with the previous profile (as in
  # TC_B_46: a case before may have left the station on a profile its priority no longer puts first).
  # The case needs TLS (security profile 2 or 3); Part 5 does not say so, but without it there is no certificate to
  # validate. NetworkConfigurationPriority and NetworkProfileConnectionAttempts get their old values back at the end.
  # After TC_M_30 or TC_B_50 in the same run the station trusts only the new root (the old one cannot be installed
  # again over OCPP), so there this case stops at its preparations, saying so.
  Scenario: the new CSMS fails the handshake, the station falls back to the previous profile and the old root
    Given the Charging Station is connected, accepted and idle
    And the test system plays a new CSMS at a second connection profile, with its server certificate signed by the old CSMS root
    And the test system prepares a second connection profile in the slot not in use
    # Part 6 configuration state
    And for this case the Charging Station variable "OCPPCommCtrlr.NetworkProfileConnectionAttempts" is set to "1" if implemented
    # Part 6 memory state CertificateInstalled: <configured new CSMS Root certificate 2>, issued by the old root.
    And the memory state CertificateInstalled is reached on the Charging Station for certificateType CSMSRootCertificate
    # Part 6 steps 1-2
    When the test system sends a SetNetworkProfileRequest with:
      | configurationSlot              | <configured configurationSlot> |
      | connectionData.messageTimeout  | <configured messageTimeout>    |
      | connectionData.ocppCsmsUrl     | <new ocppCsmsUrl>              |
      | connectionData.ocppInterface   | <configured ocppInterface>     |
      | connectionData.ocppVersion     | OCPP20                         |
      | connectionData.ocppTransport   | JSON                           |
      | connectionData.securityProfile | <configured securityProfile>   |
    Then the Charging Station responds with a SetNetworkProfileResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    When the test system sends a SetVariablesRequest with:
      | setVariableData[0].component.name | "OCPPCommCtrlr"                    |
      | setVariableData[0].variable.name  | "NetworkConfigurationPriority"     |
      | setVariableData[0].attributeValue | <new NetworkConfigurationPriority> |
    Then the Charging Station responds with a SetVariablesResponse with:
      | setVariableResult[0].attributeStatus | one of Accepted, RebootRequired |
    # Part 6 steps 5-6
    When the test system sends a ResetRequest with:
      | type | OnIdle |
    Then the Charging Station responds with a ResetResponse with:
      | status | Accepted |
    # Part 6 steps 7-9: the new root rejects the new CSMS's certificate; back on the previous profile the fallback root accepts it.
    Then the Charging Station connects again with its previous connection profile
    # Part 6 step 10 (reusable state Booted, through the previous profile)
    And the Charging Station sends a BootNotificationRequest
    And the test system responds with a BootNotificationResponse with:
      | status | Accepted |
    And the Charging Station reports every connector as "Available"
    # Part 6 steps 11-12
    And asked for its CSMSRootCertificate, the Charging Station still lists the old CSMS root
