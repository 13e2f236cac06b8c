@TC_M_01_CS
Feature: TC_M_01_CS Install CA certificate - CSMSRootCertificate
  The station installs a new CSMS root it is given and then lists it, with hash data that match the certificate's DER.

  # Part 6 asks for a custom CSMS root when the station checks new roots (AdditionalRootCertificateCheck). Decision:
  # over TLS with the test PKI the configured CSMSRootCertificate is always one issued by the CSMS root the station
  # trusts, which a station installs with or without that check.
  Scenario: install the configured CSMS root and find it among the installed certificates
    Given the Charging Station is connected, accepted and idle
    # Part 6 step 1 (Root 2). The certificate is deleted again when the case ends.
    When the memory state CertificateInstalled is reached on the Charging Station for certificateType CSMSRootCertificate
    # Part 6 step 2
    Then the reusable state GetInstalledCertificates is reached on the Charging Station for certificateType CSMSRootCertificate
