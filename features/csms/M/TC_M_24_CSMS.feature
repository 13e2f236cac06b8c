@TC_M_24_CSMS
Feature: TC_M_24_CSMS Get Charging Station Certificate status - Success
  The station asks the CSMS for the OCSP status of a Sub-CA of its V2G chain. The CSMS must fetch it from the OCSP
  responder the request names (the test system's) and hand the responder's DER answer back, base64 encoded.
  # Part 6 allows "one or more" requests; one, for the Sub-CA that issued the station's V2G certificate, suffices.

  Scenario: the CSMS relays the OCSP answer about a V2G Sub-CA
    Given the test system is connected to the CSMS and accepted
    And the test system's OCSP service reports the V2G Sub-CA as good
    # Part 6 step 1
    When the test system sends a GetCertificateStatusRequest with:
      | ocspRequestData | <V2G Sub-CA OCSP data> |
    # Part 6 step 2
    Then the CSMS responds with a GetCertificateStatusResponse with:
      | status | Accepted |
    And the ocspResult is the OCSP service's answer about the V2G Sub-CA
