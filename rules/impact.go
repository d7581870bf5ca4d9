package rules

import (
	"strconv"
	"time"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/slo"
)

// ErrNoEngine is returned by Impact when an engine is nil (class
// fault.BadRequest).
var ErrNoEngine = fault.New(fault.BadRequest, "no engine")

// History is one recorded case: the case at its opening, its events in
// order, and the instant its clocks are read at (nil: the now given to
// Impact; 0001-01-01T00:00:00Z is an instant like any other). It is plain
// data.
type History struct {
	Case   Case
	Events []Event
	Now    *time.Time
}

// Shift is one cycle whose due instant differs between two catalogs.
type Shift struct {
	History  int          // the index of the history in the slice given to Impact
	Account  string       // the history's Case.Account
	Metric   string       // the metric of the cycle
	Cycle    int          // the cycle's index among the metric's cycles, from 0
	Priority slo.Priority // the cycle's priority (on the old catalog)
	Old, New time.Time    // the due instants on the old and the new catalog
	// By is New − Old: positive when the cycle is due later. It saturates
	// at the bounds of time.Duration (about ±292 years); Old and New are
	// exact.
	By time.Duration
}

// ShiftStats summarises the cycles of a group due later (or earlier) on
// the new catalog by how much. The quantiles are nearest-rank over the
// sorted magnitudes: P10 is the smallest shift at least one in ten of the
// cycles reach or fall below, and so on. The zero value counts no cycle.
type ShiftStats struct {
	Count            int
	P10, Median, P90 time.Duration // magnitudes: positive for earlier shifts too
	Largest          Shift         // the first cycle with the largest magnitude; zero when Count is 0
}

// ImpactGroup is what a catalog change does to the cycles of one group of
// histories: every cycle, one metric's, one priority's or one account's.
// Cycles are paired by metric and index: the i-th cycle of a metric on the
// old catalog with the i-th on the new. The zero value counts nothing.
type ImpactGroup struct {
	Key string // the metric, the priority ("P1"), the account ("" for none), or "" for every cycle

	Cycles  int // cycles on both catalogs
	Added   int // cycles only on the new catalog (its lifecycle starts more)
	Removed int // cycles only on the old catalog

	NewlyBreached    int // breached on the new catalog, not breached (or absent) on the old
	NoLongerBreached int // breached on the old catalog, not breached (or absent) on the new

	TargetAdded   int // paired cycles with a due instant on the new catalog only
	TargetRemoved int // paired cycles with a due instant on the old catalog only
	Same          int // paired cycles due at the same instant on both
	Later         ShiftStats
	Earlier       ShiftStats

	// Shifts are the non-zero shifts (New − Old) of the group's cycles,
	// sorted ascending: the earlier ones (negative) first. Pictures of
	// the distribution read them.
	Shifts []time.Duration
}

// ImpactError is a history that could not be replayed on one catalog.
type ImpactError struct {
	History int    // its index in the slice given to Impact
	Catalog string // "old" or "new"
	Err     error  // Timeline's error
}

// Error returns "history N: old catalog: message".
func (e ImpactError) Error() string {
	return "history " + strconv.Itoa(e.History) + ": " + e.Catalog + " catalog: " + e.Err.Error()
}

// Unwrap returns the Timeline error.
func (e ImpactError) Unwrap() error { return e.Err }

// ImpactReport is what a change from one catalog to another does to
// recorded cases. It is plain data.
type ImpactReport struct {
	Histories int // histories replayed on both catalogs
	Failed    int // histories one catalog (or both) refused; not counted in the groups

	// Errors are the first MaxErrors of the failures, in history order;
	// Failed counts them all.
	Errors []ImpactError

	Total      ImpactGroup   // every cycle
	Metrics    []ImpactGroup // per metric, in the order the metrics were first met
	Priorities []ImpactGroup // per priority of the cycle (on the old catalog), P1 first
	Accounts   []ImpactGroup // per Case.Account, sorted by account ("" first)
}

// Impact replays every history on two catalogs, older and newer: each
// history's full timeline (every metric, every cycle, as Engine.Timeline
// computes it at the history's Now, else at now) on both, and reports the
// cycles newly breached and no longer breached and the due instants moved
// later or earlier, over every cycle and per metric, priority and account.
// This is what a change of catalog does to cases already recorded.
//
// A history that either engine refuses (an unknown tier on the new
// catalog, an event out of order) is counted in Failed and listed, up to
// MaxErrors, in Errors; it is not fatal. Impact fails only with
// ErrNoEngine when an engine is nil. It reads the histories without
// changing them and is safe for concurrent use.
func Impact(older, newer *Engine, histories []History, now time.Time) (ImpactReport, error) {
	if older == nil || newer == nil {
		return ImpactReport{}, ErrNoEngine
	}
	a := newImpactAcc()
	for i := range histories {
		h := &histories[i]
		at := now
		if h.Now != nil {
			at = *h.Now
		}
		before, err := older.Timeline(h.Case, h.Events, at)
		if err != nil {
			a.fail(i, "old", err)
			continue
		}
		after, err := newer.Timeline(h.Case, h.Events, at)
		if err != nil {
			a.fail(i, "new", err)
			continue
		}
		a.add(i, h.Case.Account, &before, &after)
	}
	return a.report(), nil
}
