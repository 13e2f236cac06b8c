// Stands in for `error-stack-parser` where the bundled cucumber child asks where each step was defined
// (scripts/build.js points cucumber's get_definition_line_and_uri.js here). Cucumber makes a new Error for each of the
// ~330 step definitions and parses its formatted stack text: about 45 ms of the child's start. V8 hands out the same
// frames as call sites before it formats anything; they are read here, in the shape cucumber uses.

export interface Frame {
  fileName: string | undefined;
  lineNumber: number | undefined;
  columnNumber: number | undefined;
  functionName: string | undefined;
  getFileName(): string | undefined;
  getLineNumber(): number | undefined;
}

function frame(site: NodeJS.CallSite): Frame {
  const fileName = site.getFileName() ?? undefined;
  const lineNumber = site.getLineNumber() ?? undefined;
  return {
    fileName,
    lineNumber,
    columnNumber: site.getColumnNumber() ?? undefined,
    functionName: site.getFunctionName() ?? undefined,
    getFileName: () => fileName,
    getLineNumber: () => lineNumber,
  };
}

/** The frames of a new `error` whose stack nobody has read yet (reading it here replaces the text). */
function parse(error: Error): Frame[] {
  const prepare = Error.prepareStackTrace;
  let sites: NodeJS.CallSite[] = [];
  Error.prepareStackTrace = (_error, callSites) => {
    sites = callSites;
    return '';
  };
  try {
    void error.stack;
  } finally {
    Error.prepareStackTrace = prepare;
  }
  // Frames without a file (an async boundary, a built-in) have no line to give; error-stack-parser skips them as well.
  return sites.filter((site) => site.getFileName()).map(frame);
}

export default { parse };
