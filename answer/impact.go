package answer

import (
	"time"

	"github.com/tiercel/tiercel/rules"
)

// Impact is the answer to "what does a catalog change do to recorded
// cases" (rules.Impact): the histories replayed and refused, the refusals'
// messages, and the cycles' changes over all of them and per metric,
// priority and account.
type Impact struct {
	// Now is the one instant every history was replayed at, when they
	// share one (a helpdesk export's); absent when each history carries
	// its own now, or an export without an instant was given no now.
	Now        *Instant      `json:"now,omitempty"`
	LeftOut    int           `json:"leftOut,omitempty"` // histories opened after Now, left out
	Histories  int           `json:"histories"`
	Refused    int           `json:"refused"`
	Errors     []string      `json:"errors"` // the first refusals' messages
	Total      ImpactGroup   `json:"total"`
	Metrics    []ImpactGroup `json:"metrics"`
	Priorities []ImpactGroup `json:"priorities"`
	Accounts   []ImpactGroup `json:"accounts"`
}

// ImpactGroup is what the change does to one group's cycles (see
// rules.ImpactGroup); Key is the metric, priority or account, "" for all.
type ImpactGroup struct {
	Key              string     `json:"key"`
	Cycles           int        `json:"cycles"`
	Added            int        `json:"added"`
	Removed          int        `json:"removed"`
	NewlyBreached    int        `json:"newlyBreached"`
	NoLongerBreached int        `json:"noLongerBreached"`
	TargetAdded      int        `json:"targetAdded"`
	TargetRemoved    int        `json:"targetRemoved"`
	Same             int        `json:"same"`
	Later            ShiftStats `json:"later"`
	Earlier          ShiftStats `json:"earlier"`
}

// ShiftStats is the cycles due later (or earlier) and by how much: the
// percentiles are exact shifts of cycles (nearest rank), signed (an earlier
// shift is negative); Largest is null when Count is 0.
type ShiftStats struct {
	Count   int      `json:"count"`
	P10     Duration `json:"p10"`
	Median  Duration `json:"median"`
	P90     Duration `json:"p90"`
	Largest *Shift   `json:"largest"`
}

// Shift is one cycle whose due instant moved: where its history is
// written, its account, metric, cycle (from 1) and priority, and its due
// instants on the old and the new catalog.
type Shift struct {
	History  string   `json:"history"`
	Account  string   `json:"account"`
	Metric   string   `json:"metric"`
	Cycle    int      `json:"cycle"`
	Priority string   `json:"priority"`
	Old      Instant  `json:"old"`
	New      Instant  `json:"new"`
	By       Duration `json:"by"`
}

// NewImpact returns the answer for report r; where names the history of
// an index as its reader wrote it (a file and line), and errors are the
// messages of r.Errors, positioned by the caller.
func NewImpact(r rules.ImpactReport, where func(history int) string, errors []string) Impact {
	out := Impact{Histories: r.Histories, Refused: r.Failed, Errors: append([]string{}, errors...), Total: newImpactGroup(r.Total, where)}
	for _, gs := range []struct {
		in  []rules.ImpactGroup
		out *[]ImpactGroup
	}{{r.Metrics, &out.Metrics}, {r.Priorities, &out.Priorities}, {r.Accounts, &out.Accounts}} {
		*gs.out = []ImpactGroup{}
		for _, g := range gs.in {
			*gs.out = append(*gs.out, newImpactGroup(g, where))
		}
	}
	return out
}

func newImpactGroup(g rules.ImpactGroup, where func(int) string) ImpactGroup {
	return ImpactGroup{Key: g.Key, Cycles: g.Cycles, Added: g.Added, Removed: g.Removed,
		NewlyBreached: g.NewlyBreached, NoLongerBreached: g.NoLongerBreached, TargetAdded: g.TargetAdded,
		TargetRemoved: g.TargetRemoved, Same: g.Same, Later: newShiftStats(g.Later, 1, where), Earlier: newShiftStats(g.Earlier, -1, where)}
}

// newShiftStats returns s, its magnitudes signed by sign.
func newShiftStats(s rules.ShiftStats, sign time.Duration, where func(int) string) ShiftStats {
	out := ShiftStats{Count: s.Count, P10: NewSigned(sign * s.P10), Median: NewSigned(sign * s.Median), P90: NewSigned(sign * s.P90)}
	if s.Count > 0 {
		l := s.Largest
		out.Largest = &Shift{History: where(l.History), Account: l.Account, Metric: l.Metric, Cycle: l.Cycle + 1,
			Priority: l.Priority.String(), Old: At(l.Old), New: At(l.New), By: NewSigned(l.By)}
	}
	return out
}
