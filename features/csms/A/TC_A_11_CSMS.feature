@TC_A_11_CSMS
Feature: TC_A_11_CSMS Update Charging Station Certificate by request of CSMS - Success - Charging Station Certificate
  Asked by an operator, the CSMS has the station renew its client certificate: it triggers a CSR, accepts it and
  sends back a certificate for the station's new key, signed by the CSMS root the station trusts.

  Scenario: the station's certificate is renewed at the CSMS's request
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the reusable state RenewChargingStationCertificate is executed
