//go:build race

package server

// raceEnabled reports that the race detector is on: it adds allocations
// (and sync.Pool drops items at random under it), so allocation budgets
// are not checked under it.
const raceEnabled = true
