//go:build race

package billing

// raceEnabled reports that the race detector is on: tests that only check
// arithmetic run fewer inputs under it.
const raceEnabled = true
