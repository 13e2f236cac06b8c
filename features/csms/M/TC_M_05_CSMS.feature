@TC_M_05_CSMS
Feature: TC_M_05_CSMS Install CA certificate - Failed
  The CSMS asks the station to install a CSMS root certificate and copes with the station reporting that the
  installation failed.

  Scenario: the station fails to install the certificate
    Given the test system is connected to the CSMS and accepted
    # Manual action: the operator asks for the CSMS root certificate to be installed
    When the operator makes the CSMS install the configured CSMSRootCertificate
    # Part 6 step 1
    Then the CSMS sends a InstallCertificateRequest with:
      | certificateType | CSMSRootCertificate |
    # Part 6 step 2
    And the test system responds with a InstallCertificateResponse with status Failed
