//go:build race

package server

// raceEnabled reports that the race detector is on: it doubles what a
// request allocates (and sync.Pool drops items at random under it), so
// allocation bounds and budgets are not checked under it.
const raceEnabled = true
