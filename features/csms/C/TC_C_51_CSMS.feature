@TC_C_51_CSMS
Feature: TC_C_51_CSMS Authorization using Contract Certificates 15118 - Online - Local contract certificate validation - Rejected
  As TC_C_50_CSMS, but the contract certificate has been revoked: asked by the CSMS, the OCSP responder says so, and
  the CSMS must refuse the authorization for that reason.
  # Part 6 prints "the OCSP service responds that the certificate is valid" in step 3 although the prerequisite says
  # revoked; the case is about the revoked certificate (its requirement C07.FR.16), so the service says revoked.
  # Part 6 names no tool validation for step 4; C07.FR.16 gives it: certificateStatus CertificateRevoked and
  # idTokenInfo.status Invalid.

  Scenario: a revoked contract certificate is refused
    Given the test system is connected to the CSMS and accepted
    And the test system's OCSP service reports the contract certificate as revoked
    And the reusable state EVConnectedPreSession is reached
    # Part 6 step 1
    When the test system sends a AuthorizeRequest with:
      | idToken.idToken             | <configured eMAID>               |
      | idToken.type                | eMAID                            |
      | iso15118CertificateHashData | <contract certificate OCSP data> |
    # Part 6 steps 2-3
    Then the CSMS asks the test system's OCSP service about that certificate
    # Part 6 step 4
    And the CSMS responds with a AuthorizeResponse with:
      | idTokenInfo.status | Invalid            |
      | certificateStatus  | CertificateRevoked |
