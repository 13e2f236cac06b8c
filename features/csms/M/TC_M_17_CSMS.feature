@TC_M_17_CSMS
Feature: TC_M_17_CSMS Retrieve certificates from Charging Station - CSMSRootCertificate & ManufacturerRootCertificate
  Asked by an operator for the installed CSMS and manufacturer root certificates, the CSMS names both certificateTypes
  in one GetInstalledCertificateIdsRequest and takes the station's list.

  # Decision: the reusable state GetInstalledCertificates is run here for two certificateTypes at once, as Part 6
  # asks: both in one request (in any order), nothing else, and the test system lists its certificates of both types.
  Scenario: the installed CSMS and manufacturer root certificates in one request
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a GetInstalledCertificateIdsRequest with:
      | certificateType | ["CSMSRootCertificate", "ManufacturerRootCertificate"] |
    Then the CSMS sends a GetInstalledCertificateIdsRequest with:
      | certificateType[?a] | CSMSRootCertificate         |
      | certificateType[?b] | ManufacturerRootCertificate |
      | certificateType[2]  | absent                      |
    And the test system responds with a GetInstalledCertificateIdsResponse listing its installed certificates
