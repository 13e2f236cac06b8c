@TC_M_12_CSMS
Feature: TC_M_12_CSMS Retrieve certificates from Charging Station - CSMSRootCertificate
  Asked by an operator three times, the CSMS asks the station for its installed CSMS root certificates, naming exactly
  that certificateType, and takes the hash data whichever hash algorithm the station used.

  Scenario: the installed CSMS root certificates, reported with SHA256, SHA384 and SHA512 hashes
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the reusable state GetInstalledCertificates is executed for certificateType CSMSRootCertificate, answered with SHA256 hashes
    # Part 6 step 2
    And the reusable state GetInstalledCertificates is executed for certificateType CSMSRootCertificate, answered with SHA384 hashes
    # Part 6 step 3
    And the reusable state GetInstalledCertificates is executed for certificateType CSMSRootCertificate, answered with SHA512 hashes
