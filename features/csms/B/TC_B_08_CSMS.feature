@TC_B_08_CSMS
Feature: TC_B_08_CSMS Get Variables - limit to maximum number of values
  The CSMS reads how many variables the station takes in one GetVariablesRequest; asked by an operator for more
  variables than that, it splits them over several requests.

  Scenario: five variables read with at most four per request
    Given the test system is connected to the CSMS and accepted
    # Part 6 configuration state: the station declares DeviceDataCtrlr.ItemsPerMessage[GetVariables] = 4
    When the operator makes the CSMS send a GetVariablesRequest with:
      | getVariableData[0].component.name    | "DeviceDataCtrlr" |
      | getVariableData[0].variable.name     | "ItemsPerMessage" |
      | getVariableData[0].variable.instance | "GetVariables"    |
    Then the CSMS sends a GetVariablesRequest with:
      | getVariableData[0].component.name    | "DeviceDataCtrlr" |
      | getVariableData[0].variable.name     | "ItemsPerMessage" |
      | getVariableData[0].variable.instance | "GetVariables"    |
    And the test system responds with a GetVariablesResponse with:
      | getVariableResult[0].attributeStatus | Accepted |
      | getVariableResult[0].attributeValue  | "4"      |
    # Part 6 step 1
    When the operator makes the CSMS send a GetVariablesRequest with:
      | getVariableData[0].component.name    | "DeviceDataCtrlr"      |
      | getVariableData[0].variable.name     | "ItemsPerMessage"      |
      | getVariableData[0].variable.instance | "GetReport"            |
      | getVariableData[1].component.name    | "DeviceDataCtrlr"      |
      | getVariableData[1].variable.name     | "ItemsPerMessage"      |
      | getVariableData[1].variable.instance | "GetVariables"         |
      | getVariableData[2].component.name    | "DeviceDataCtrlr"      |
      | getVariableData[2].variable.name     | "BytesPerMessage"      |
      | getVariableData[2].variable.instance | "GetReport"            |
      | getVariableData[3].component.name    | "DeviceDataCtrlr"      |
      | getVariableData[3].variable.name     | "BytesPerMessage"      |
      | getVariableData[3].variable.instance | "GetVariables"         |
      | getVariableData[4].component.name    | "AuthCtrlr"            |
      | getVariableData[4].variable.name     | "AuthorizeRemoteStart" |
    # Part 6 step 2
    # (the five variables, in any order and split as the CSMS likes, but never more than four in one request)
    Then the test system responds with a GetVariablesResponse with status Accepted to each such request of the CSMS, until all the operator named was sent, at most 4 per request
