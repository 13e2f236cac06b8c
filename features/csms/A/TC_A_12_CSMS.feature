@TC_A_12_CSMS
Feature: TC_A_12_CSMS Update Charging Station Certificate by request of CSMS - Success - V2G Certificate
  Asked by an operator, the CSMS has the station renew its V2G (SECC) certificate: it triggers a CSR, accepts it and
  sends back a certificate for the station's new key, signed within the configured V2G certificate chain.

  # Decisions where Part 6 is silent: the CSR names the station's identity and organisation; the configured V2G
  # chain is the run's test PKI's (certificates.dir) or, without one, the test system's own V2G root and Sub-CA.
  Scenario: the station's V2G certificate is renewed at the CSMS's request
    Given the test system is connected to the CSMS and accepted
    And the test system has generated a CSR for its station certificate
    # Part 6 step 1
    When the operator makes the CSMS send a TriggerMessageRequest with:
      | requestedMessage | SignV2GCertificate |
    Then the CSMS sends a TriggerMessageRequest with:
      | requestedMessage | SignV2GCertificate |
    # Part 6 step 2
    And the test system responds with a TriggerMessageResponse with status Accepted
    # Part 6 steps 3-4
    When the test system sends a SignCertificateRequest with:
      | csr             | <generated CSR> |
      | certificateType | V2GCertificate  |
    Then the CSMS responds with a SignCertificateResponse with:
      | status | Accepted |
    # Part 6 step 5
    And the CSMS sends a CertificateSignedRequest with:
      | certificateType | absent or V2GCertificate |
    # Part 6 step 6
    And the test system responds with a CertificateSignedResponse with status Accepted
    # Part 6 step 5
    # (checked once the request is answered, so that the answer is not held up)
    And the CertificateSignedRequest carries a certificate for the generated CSR, signed by the configured V2G chain
