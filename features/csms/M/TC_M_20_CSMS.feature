@TC_M_20_CSMS
Feature: TC_M_20_CSMS Delete a certificate from a Charging Station - Success
  Asked by an operator to delete the installed CSMS root certificate, the CSMS first asks the station for its hash
  data and then deletes the certificate by exactly that hash data, whichever hash algorithm (SHA256, SHA384, SHA512)
  the station used.

  Scenario: the CSMS deletes a certificate by the hash data the station reported, for each hash algorithm
    Given the test system is connected to the CSMS and accepted
    # SHA256 round
    # Part 6 step 1
    When the reusable state CertificateInstalled is executed for certificateType CSMSRootCertificate
    # Manual action: the operator asks for the certificate to be deleted
    And the operator makes the CSMS delete the installed CSMSRootCertificate
    # Part 6 step 2
    Then the CSMS sends a GetInstalledCertificateIdsRequest for CSMSRootCertificate or for every certificateType
    # Part 6 step 3
    And the test system responds with a GetInstalledCertificateIdsResponse listing the installed CSMSRootCertificate hashed with SHA256
    # Part 6 step 4
    Then the CSMS sends a DeleteCertificateRequest with:
      | certificateHashData | <returned certificateHashData> |
    # Part 6 step 5
    And the test system responds with a DeleteCertificateResponse with status Accepted
    # SHA384 round
    # Part 6 step 1
    When the reusable state CertificateInstalled is executed for certificateType CSMSRootCertificate
    And the operator makes the CSMS delete the installed CSMSRootCertificate
    # Part 6 step 2
    Then the CSMS sends a GetInstalledCertificateIdsRequest for CSMSRootCertificate or for every certificateType
    # Part 6 step 3
    And the test system responds with a GetInstalledCertificateIdsResponse listing the installed CSMSRootCertificate hashed with SHA384
    # Part 6 step 4
    Then the CSMS sends a DeleteCertificateRequest with:
      | certificateHashData | <returned certificateHashData> |
    # Part 6 step 5
    And the test system responds with a DeleteCertificateResponse with status Accepted
    # SHA512 round
    # Part 6 step 1
    When the reusable state CertificateInstalled is executed for certificateType CSMSRootCertificate
    And the operator makes the CSMS delete the installed CSMSRootCertificate
    # Part 6 step 2
    Then the CSMS sends a GetInstalledCertificateIdsRequest for CSMSRootCertificate or for every certificateType
    # Part 6 step 3
    And the test system responds with a GetInstalledCertificateIdsResponse listing the installed CSMSRootCertificate hashed with SHA512
    # Part 6 step 4
    Then the CSMS sends a DeleteCertificateRequest with:
      | certificateHashData | <returned certificateHashData> |
    # Part 6 step 5
    And the test system responds with a DeleteCertificateResponse with status Accepted
