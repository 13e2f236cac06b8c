@TC_A_14_CSMS
Feature: TC_A_14_CSMS Update Charging Station Certificate by request of CSMS - Invalid certificate
  Asked by an operator, the CSMS has the station renew its client certificate; the station refuses the certificate
  the CSMS sends, and the CSMS copes with the refusal.

  Scenario: the station refuses the renewed certificate
    Given the test system is connected to the CSMS and accepted
    And the test system has generated a CSR for its station certificate
    # Part 6 step 1
    When the operator makes the CSMS send a TriggerMessageRequest with:
      | requestedMessage | SignChargingStationCertificate |
    Then the CSMS sends a TriggerMessageRequest with:
      | requestedMessage | SignChargingStationCertificate |
    # Part 6 step 2
    And the test system responds with a TriggerMessageResponse with status Accepted
    # Part 6 steps 3-4
    When the test system sends a SignCertificateRequest with:
      | csr             | <generated CSR>            |
      | certificateType | ChargingStationCertificate |
    Then the CSMS responds with a SignCertificateResponse with:
      | status | Accepted |
    # Part 6 step 5
    And the CSMS sends a CertificateSignedRequest
    # Part 6 step 6
    And the test system responds with a CertificateSignedResponse with status Rejected
