@TC_E_12_CSMS
Feature: TC_E_12_CSMS Start transaction options - ParkingBayOccupied
  The station opens its transactions when its parking bay sensor sees a vehicle arrive (start point
  ParkingBayOccupancy), before any cable or token. The CSMS must take that Started event.

  Scenario: a transaction that starts when the parking bay becomes occupied
    Given the test system is connected to the CSMS and accepted
    # Part 6 steps 1-2
    When the test system sends a TransactionEventRequest with:
      | eventType     | Started    |
      | triggerReason | EVDetected |
    Then the CSMS responds with a TransactionEventResponse
