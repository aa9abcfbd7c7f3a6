// Negatives the engine still calls automated (kind ≠ 'other'). The test expects these to FAIL, so fixing
// the engine turns the test red until the file is removed from this list: the list can only shrink.
// Each line: file → what analyze() said when it was listed, and why the message is nevertheless ordinary.
export const KNOWN_FAILING: Readonly<Record<string, string>> = {};
