@TC_C_52_CSMS
Feature: TC_C_52_CSMS Authorization using Contract Certificates 15118 - Online - Central contract certificate validation - Accepted
  The station leaves the validation to the CSMS: it sends the contract certificate itself, without hash data. The CSMS
  must check the chain up to the MO root it has installed, compute the certificate's OCSP identity itself, ask the
  responder the certificate names (the test system's), and accept.
  # Errata 2024-09: the certificate comes from the test system's keystore. Here the test system issues it for the case
  # (from the test PKI's MO Sub-CA when there is one, so a CSMS with that MO root installed trusts it) and sends it
  # with its Sub-CAs, root excluded.

  Scenario: a good contract certificate, validated centrally
    Given the test system is connected to the CSMS and accepted
    And the test system's OCSP service reports the contract certificate as good
    And the reusable state EVConnectedPreSession is reached
    # Part 6 step 1
    When the test system sends a AuthorizeRequest with:
      | idToken.idToken | <configured eMAID>           |
      | idToken.type    | eMAID                        |
      | certificate     | <contract certificate chain> |
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
