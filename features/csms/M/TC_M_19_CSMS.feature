@TC_M_19_CSMS
Feature: TC_M_19_CSMS Retrieve certificates from Charging Station - No matching certificate found
  The CSMS asks for the installed manufacturer root certificates and copes with the station having none.

  Scenario: the station has no certificate of the requested type
    Given the test system is connected to the CSMS and accepted
    # Manual action: the operator asks for the manufacturer root certificates
    When the operator makes the CSMS send a GetInstalledCertificateIdsRequest with:
      | certificateType | ["ManufacturerRootCertificate"] |
    # Part 6 step 1
    Then the CSMS sends a GetInstalledCertificateIdsRequest with:
      | certificateType | ["ManufacturerRootCertificate"] |
    # Part 6 step 2
    And the test system responds with a GetInstalledCertificateIdsResponse with:
      | status                   | NotFound |
      | certificateHashDataChain | absent   |
