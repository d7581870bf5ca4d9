//go:build race

package rules

// raceEnabled reports that the race detector is on: it adds allocations, so
// allocation budgets are not checked under it.
const raceEnabled = true
