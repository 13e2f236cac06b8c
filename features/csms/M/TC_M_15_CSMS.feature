@TC_M_15_CSMS
Feature: TC_M_15_CSMS Retrieve certificates from Charging Station - V2GCertificateChain
  Asked by an operator, the CSMS asks the station for its installed V2G certificate chain, naming exactly that
  certificateType, and takes the hash data the station reports (its SECC certificate with the Sub-CA as child).

  Scenario: the CSMS retrieves the installed V2G certificate chain
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the reusable state GetInstalledCertificates is executed for certificateType V2GCertificateChain
