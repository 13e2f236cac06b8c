@TC_A_05_CS
Feature: TC_A_05_CS TLS - server-side certificate - Invalid certificate
  The station ends the TLS handshake when the CSMS presents an invalid server certificate, connects again once the
  valid one is back, and reports InvalidCsmsCertificate.

  # Follows the errata (2024-11): the test system aborts the connection to make the station reconnect, first with the
  # valid certificate (to learn how long the station takes), then once per invalid certificate.
  # Decision: the invalid certificates are those of the test PKI (expired, not valid yet, issued by a root the station
  # does not trust, self-signed) and one the trusted root issued for another host name; the run needs
  # "certificates.dir". The station's attempt counts as refused when it ends in the TLS handshake; a connection, or an
  # upgrade request (which only follows a completed handshake), fails the case. The wait for each attempt is the run's
  # bound for a SUT coming back, at least twice the measured reconnection time.
  # Decision: the errata's configuration state (NetworkConfigurationPriority lists only the profile in use) is the
  # bench's: changing it takes a reboot, so the test system does not set it; a station that falls back to another
  # profile does not come back here and fails the reconnection step.
  Scenario: one invalid server certificate after the other
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-3
    When the test system aborts the connection and the Charging Station reconnects
    # Part 6 steps 4-11, per invalid certificate
    Then for every invalid server certificate of the test PKI the Charging Station ends the TLS handshake, reconnects and reports InvalidCsmsCertificate
