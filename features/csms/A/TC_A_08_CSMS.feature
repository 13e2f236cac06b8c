@TC_A_08_CSMS
Feature: TC_A_08_CSMS TLS - Client-side certificate - Invalid certificate
  At security profile 3 the CSMS drops a station whose client certificate it cannot trust, and then serves the same
  station presenting its valid certificate.

  # Decision where Part 6 is silent: the three kinds of invalid certificate Part 6 names (unknown, expired, CN of
  # another station) are all tried, one attempt each, from the test PKI.
  Scenario: invalid client certificates are refused, the valid one is accepted
    # Part 6 steps 1-4
    When the test system connects with the test PKI's unknown client certificate
    Then the CSMS refuses the connection attempt
    When the test system connects with the test PKI's expired client certificate
    Then the CSMS refuses the connection attempt
    When the test system connects with the test PKI's foreign-CN client certificate
    Then the CSMS refuses the connection attempt
    # Part 6 steps 5-10
    When the test system connects with its configured identity, credentials and TLS settings
    Then the CSMS accepts the connection attempt
    # Part 6 steps 11-14
    When the reusable state Booted is executed
