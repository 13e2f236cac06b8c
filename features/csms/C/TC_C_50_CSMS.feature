@TC_C_50_CSMS
Feature: TC_C_50_CSMS Authorization using Contract Certificates 15118 - Online - Local contract certificate validation - Accepted
  The station validated the EV's contract certificate itself and sends its hash data with the eMAID. The CSMS must
  check the certificate's status at the OCSP responder the hash data names (the test system's), accept the good
  certificate, and accept the transaction authorized with it.
  # Errata 2024-11: the token is the configured eMAID of type eMAID, the CN of the contract certificate. The test
  # system issues that certificate for the case (from the test PKI's MO Sub-CA when there is one) and answers for it.

  Scenario: a good contract certificate, checked by its hash data
    Given the test system is connected to the CSMS and accepted
    And the test system's OCSP service reports the contract certificate as good
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
      | idTokenInfo.status | Accepted |
      | certificateStatus  | Accepted |
    # Part 6 steps 5-6
    When the test system sends a TransactionEventRequest with:
      | triggerReason   | Authorized         |
      | idToken.idToken | <configured eMAID> |
      | idToken.type    | eMAID              |
    Then the CSMS responds with a TransactionEventResponse with:
      | idTokenInfo.status | Accepted |
    # Part 6 step 5 (second): the charging that follows
    And the reusable state EnergyTransferStarted is executed after the contract authorization
