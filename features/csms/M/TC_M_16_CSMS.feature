@TC_M_16_CSMS
Feature: TC_M_16_CSMS Retrieve certificates from Charging Station - MORootCertificate
  Asked by an operator, the CSMS asks the station for its installed MO root certificates, naming exactly that
  certificateType, and takes the hash data the station reports.

  Scenario: the CSMS retrieves the installed MO root certificates
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the reusable state GetInstalledCertificates is executed for certificateType MORootCertificate
