@TC_M_18_CSMS
Feature: TC_M_18_CSMS Retrieve certificates from Charging Station - All certificateTypes
  Asked by an operator for every installed certificate, the CSMS leaves certificateType out of its
  GetInstalledCertificateIdsRequest and takes the station's full list.

  Scenario: the CSMS retrieves every installed certificate
    Given the test system is connected to the CSMS and accepted
    # Manual action: the operator asks for the certificates of every type
    When the operator makes the CSMS send a GetInstalledCertificateIdsRequest
    # Part 6 step 1
    Then the CSMS sends a GetInstalledCertificateIdsRequest with:
      | certificateType | absent |
    # Part 6 step 2
    And the test system responds with a GetInstalledCertificateIdsResponse listing its installed certificates
