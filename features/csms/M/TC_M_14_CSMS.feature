@TC_M_14_CSMS
Feature: TC_M_14_CSMS Retrieve certificates from Charging Station - V2GRootCertificate
  Asked by an operator, the CSMS asks the station for its installed V2G root certificates, naming exactly that
  certificateType, and takes the hash data the station reports.

  Scenario: the CSMS retrieves the installed V2G root certificates
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the reusable state GetInstalledCertificates is executed for certificateType V2GRootCertificate
