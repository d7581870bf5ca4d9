//go:build race

package server

// raceEnabled reports that the race detector is on: it doubles what a
// request allocates, so allocation bounds are not checked under it.
const raceEnabled = true
