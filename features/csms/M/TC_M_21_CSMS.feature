@TC_M_21_CSMS
Feature: TC_M_21_CSMS Delete a certificate from a Charging Station - Failed
  Asked by an operator to delete the installed CSMS root certificate, the CSMS looks up its hash data at the station,
  asks for its deletion by that hash data, and copes with the station failing to delete it.

  Scenario: the station fails to delete the certificate
    Given the test system is connected to the CSMS and accepted
    And the reusable state CertificateInstalled is reached for certificateType CSMSRootCertificate
    # Manual action: the operator asks for the certificate to be deleted
    When the operator makes the CSMS delete the installed CSMSRootCertificate
    # Part 6 step 1
    Then the CSMS sends a GetInstalledCertificateIdsRequest for CSMSRootCertificate or for every certificateType
    # Part 6 step 2
    And the test system responds with a GetInstalledCertificateIdsResponse listing the installed CSMSRootCertificate hashed with SHA256
    # Part 6 step 3
    Then the CSMS sends a DeleteCertificateRequest with:
      | certificateHashData | <returned certificateHashData> |
    # Part 6 step 4
    And the test system responds with a DeleteCertificateResponse with status Failed
