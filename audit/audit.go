// Package audit compares what a helpdesk recorded for each ticket's SLA
// metrics (when each was fulfilled, when each breached) with what a
// catalog computes for the same ticket from its history with
// rules.Engine.Timeline: per ticket, metric and cycle, whether the two
// agree, and by how much they differ.
//
// Its input is what package input reads from a helpdesk's export (for
// Zendesk, input.ParseZendeskAudits and input.ParseZendeskMetricEvents);
// its output is a Report the command prints as text, JSON or CSV. Run
// keeps no state and may be called from several goroutines at once.
package audit

import (
	"fmt"
	"slices"
	"time"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
)

// Verdict is what the audit says of one ticket's metric cycle.
type Verdict string

// The verdicts of a Row.
const (
	// Agree: both met the target or both breached it, at the same
	// instants within the tolerance, on the same target.
	Agree Verdict = "agree"
	// RecordedBreach: the helpdesk recorded a breach the catalog says was
	// met (or is not yet due).
	RecordedBreach Verdict = "recorded-breach"
	// CatalogBreach: the catalog says the target was breached; the
	// helpdesk recorded no breach.
	CatalogBreach Verdict = "catalog-breach"
	// TargetDiffers: the same outcome on different targets.
	TargetDiffers Verdict = "target"
	// TimeDiffers: the same outcome, but the cycle ended or was due at
	// instants further apart than the tolerance, or ended on one side only.
	TimeDiffers Verdict = "time"
	// Unrecorded: the catalog gives the cycle a target; the helpdesk
	// applied no SLA to it and recorded no breach.
	Unrecorded Verdict = "unrecorded"
	// Uncomputed: the helpdesk applied an SLA to the cycle; the catalog
	// has no such cycle or no target for it.
	Uncomputed Verdict = "uncomputed"
	// NoHistory: the helpdesk recorded metrics of a ticket whose history
	// is not in the input (one row for the ticket, Metric "").
	NoHistory Verdict = "no-history"
	// Failed: the catalog could not compute the ticket's timeline (one row
	// for the ticket, Metric "", its error in Err).
	Failed Verdict = "error"
)

// Verdicts lists every verdict, in the order a summary counts them.
var Verdicts = []Verdict{Agree, RecordedBreach, CatalogBreach, TargetDiffers, TimeDiffers, Unrecorded, Uncomputed, NoHistory, Failed}

// ErrAudit is wrapped by Run's errors about its options: a negative
// tolerance.
var ErrAudit = fault.New(fault.BadRequest, "cannot audit")

// Options are the settings of Run. The zero value audits each ticket on
// its own Case.Tier at the latest instant recorded, to the nanosecond.
type Options struct {
	// Tier is the tier of the tickets whose Case.Tier is empty (an
	// importer's tier, "zendesk").
	Tier string
	// Now is the instant the audit is made at: running cycles are
	// measured to it, and what happened after it is left out (events,
	// fulfillments and breaches after it; tickets opened after it). Nil
	// means Latest; never the wall clock. 0001-01-01T00:00:00Z is an
	// instant like any other.
	Now *time.Time
	// Latest is the latest instant of the input (the events' and audits'),
	// the default of Now. Its zero value is the instant
	// 0001-01-01T00:00:00Z: an input whose every instant is then.
	Latest time.Time
	// Aliases are the catalog's names of recorded metrics, where they
	// differ (input.ZendeskAliases: first_reply_time is response).
	Aliases map[string]string
	// Tolerance is how far apart two instants may be and still agree
	// (Zendesk counts in minutes: 1m forgives its rounding).
	Tolerance time.Duration
}

// Row is the audit of one cycle (an instance) of one metric of a ticket.
type Row struct {
	Ticket   string
	Metric   string // the catalog's metric name; "" for a row about the whole ticket
	Instance int    // the cycle, from 1; 0 for a row about the whole ticket
	Verdict  Verdict
	// Recorded is what the helpdesk recorded; HasRecord is false when it
	// recorded nothing for the cycle.
	Recorded  input.Recorded
	HasRecord bool
	// Cycle is what the catalog computed; HasCycle is false when it has no
	// such cycle.
	Cycle    rules.Cycle
	HasCycle bool
	// EndDiff is Cycle.End minus Recorded.Fulfilled when both ended
	// (HasEndDiff); DueDiff is Cycle.Due minus Recorded.Breached when both
	// breached (HasDueDiff).
	EndDiff, DueDiff       time.Duration
	HasEndDiff, HasDueDiff bool
	Why                    string // what differs, in a sentence; "" when they agree
	Err                    error  // why the timeline failed, for a Failed row
}

// Ref names one cycle of one metric of a ticket.
type Ref struct {
	Ticket   string
	Metric   string
	Instance int
}

// Summary counts the rows by verdict and lists the breaches the two sides
// disagree on.
type Summary struct {
	Tickets int             // tickets audited: with a history, opened by now
	Rows    int             // rows, all verdicts
	Counts  map[Verdict]int // rows per verdict; every verdict present
	// RecordedBreaches are the breaches the helpdesk recorded that the
	// catalog says were met; CatalogBreaches the reverse.
	RecordedBreaches, CatalogBreaches []Ref
}

// Report is the audit of every ticket: its rows, ticket by ticket in the
// order given (then the tickets recorded without a history), each
// ticket's metrics in the engine's order and cycles in order.
type Report struct {
	Now     time.Time
	Rows    []Row
	Summary Summary
}

// Disagreements returns how many rows do not agree.
func (r *Report) Disagreements() int { return r.Summary.Rows - r.Summary.Counts[Agree] }

// Run audits tickets on e: it computes each ticket's timeline at now
// (Options.Now, else Options.Latest) and compares each cycle of each
// metric with what was recorded for the same ticket, metric and instance
// (the cycle's number, from 1). Cycles that neither side gives a target
// (no SLA recorded, no breach, no target in the catalog) are not rows. A
// helpdesk breach counts when it is before the cycle was fulfilled (or
// never fulfilled); the catalog's when Cycle.Breached. A ticket whose
// timeline fails is a Failed row; the audit goes on. Errors: the engine's
// for an unknown Options.Tier (rules.ErrUnknownTier), ErrAudit for a
// negative tolerance.
func Run(e *rules.Engine, tickets []input.Ticket, recorded []input.Recorded, o Options) (Report, error) {
	if o.Tolerance < 0 {
		return Report{}, fmt.Errorf("%w: tolerance %s is negative", ErrAudit, o.Tolerance)
	}
	if o.Tier != "" {
		if _, err := e.Tier(o.Tier); err != nil {
			return Report{}, err
		}
	}
	now := o.Latest
	if o.Now != nil {
		now = *o.Now
	}
	groups := groupRecorded(recorded)
	seen := make([]bool, len(groups.start)-1) // by group: a ticket with a history has its records
	rep := Report{Now: now, Rows: make([]Row, 0, len(recorded)+len(tickets))}
	audited := 0
	var recs []input.Recorded
	for i := range tickets {
		t := &tickets[i]
		if !t.Case.Opened.After(now) {
			audited++
		}
		recs = recs[:0] // copied into the rows: one buffer serves every ticket
		if g, ok := groups.of[t.ID]; ok {
			seen[g] = true
			for _, k := range groups.idx[groups.start[g]:groups.start[g+1]] {
				if rec := recorded[k]; !rec.First.After(now) { // recorded by now
					if name, ok := o.Aliases[rec.Metric]; ok {
						rec.Metric = name
					}
					recs = append(recs, rec)
				}
			}
		}
		rep.Rows = auditTicket(e, t, recs, now, o, rep.Rows)
	}
	for i := range recorded {
		if g := groups.of[recorded[i].Ticket]; !seen[g] {
			seen[g] = true
			rep.Rows = append(rep.Rows, Row{Ticket: recorded[i].Ticket, Verdict: NoHistory, Why: "the helpdesk recorded metrics of a ticket whose history is not in the input"})
		}
	}
	rep.Summary = summarize(rep.Rows, audited)
	return rep, nil
}

// recordGroups are the indices of records grouped by ticket: group g (of
// the ticket's id) is idx[start[g]:start[g+1]], in order.
type recordGroups struct {
	of         map[string]int32
	start, idx []int32
}

// groupRecorded groups the records by ticket, with a counting sort: one map
// of the ids, none of slices.
func groupRecorded(recorded []input.Recorded) recordGroups {
	g := recordGroups{of: make(map[string]int32), idx: make([]int32, len(recorded))}
	count := []int32{}
	for i := range recorded {
		k, ok := g.of[recorded[i].Ticket]
		if !ok {
			k = int32(len(count))
			g.of[recorded[i].Ticket] = k
			count = append(count, 0)
		}
		count[k]++
		g.idx[i] = k // the group, for now
	}
	g.start = make([]int32, len(count)+1)
	for k, n := range count {
		g.start[k+1] = g.start[k] + n
	}
	next := slices.Clone(g.start[:len(count)])
	group := slices.Clone(g.idx)
	for i, k := range group {
		g.idx[next[k]] = int32(i)
		next[k]++
	}
	return g
}

// auditTicket appends the rows of one ticket to rows.
func auditTicket(e *rules.Engine, t *input.Ticket, recs []input.Recorded, now time.Time, o Options, rows []Row) []Row {
	h, opened := t.History(o.Tier, now) // the events up to now, as impact replays them
	if !opened {
		return rows // not yet opened
	}
	tl, err := e.Timeline(h.Case, h.Events, now)
	if err != nil {
		return append(rows, Row{Ticket: t.ID, Verdict: Failed, Err: err, Why: err.Error()})
	}
	for k := range recs { // the recorded instants up to now, in the timeline's zone
		rec := &recs[k]
		rec.Fulfilled, rec.HasFulfilled = upTo(rec.Fulfilled, rec.HasFulfilled, now, tl.Location)
		rec.Breached, rec.HasBreached = upTo(rec.Breached, rec.HasBreached, now, tl.Location)
	}
	var buf [16]bool // which records a cycle took; a ticket has a few
	used := buf[:0]
	if len(recs) > len(buf) {
		used = make([]bool, 0, len(recs))
	}
	used = used[:len(recs)]
	for _, m := range tl.Metrics {
		for j := range m.Cycles {
			rows = append(rows, Row{Ticket: t.ID, Metric: m.Metric, Instance: j + 1, Cycle: m.Cycles[j], HasCycle: true}) // built in place: a row is large
			r := &rows[len(rows)-1]
			for k := range recs {
				if !used[k] && recs[k].Metric == m.Metric && recs[k].Instance == j+1 {
					used[k], r.Recorded, r.HasRecord = true, recs[k], true
					break
				}
			}
			if !judge(r, o.Tolerance) {
				rows = rows[:len(rows)-1]
			}
		}
	}
	for k := range recs {
		if !used[k] {
			r := Row{Ticket: t.ID, Metric: recs[k].Metric, Instance: recs[k].Instance, Recorded: recs[k], HasRecord: true}
			if judge(&r, o.Tolerance) {
				rows = append(rows, r)
			}
		}
	}
	return rows
}

// upTo returns the recorded instant t (recorded says whether it was) as
// recorded at now: t in loc, recorded, when it was recorded and is not
// after now; else the zero time, not recorded (not yet at now).
func upTo(t time.Time, recorded bool, now time.Time, loc *time.Location) (time.Time, bool) {
	switch {
	case !recorded || t.After(now):
		return time.Time{}, false
	case loc == nil:
		return t, true
	}
	return t.In(loc), true
}

// summarize counts rows.
func summarize(rows []Row, tickets int) Summary {
	s := Summary{Tickets: tickets, Rows: len(rows), Counts: make(map[Verdict]int, len(Verdicts))}
	for _, v := range Verdicts {
		s.Counts[v] = 0
	}
	for i := range rows {
		r := &rows[i]
		s.Counts[r.Verdict]++
		ref := Ref{r.Ticket, r.Metric, r.Instance}
		switch r.Verdict {
		case RecordedBreach:
			s.RecordedBreaches = append(s.RecordedBreaches, ref)
		case CatalogBreach:
			s.CatalogBreaches = append(s.CatalogBreaches, ref)
		}
	}
	return s
}

// RunFiles reads the pages of a Zendesk export at paths
// (input.LoadZendeskExport) and audits them as Run does, with o.Latest the
// export's latest instant and o.Aliases the names e's built-in metrics take
// in Zendesk (input.ZendeskAliases).
func RunFiles(e *rules.Engine, o Options, paths ...string) (Report, error) {
	x, err := input.LoadZendeskExport(paths...)
	if err != nil {
		return Report{}, err
	}
	o.Latest, o.Aliases = x.Latest, input.ZendeskAliases(e.Metrics())
	return Run(e, x.Tickets, x.Recorded, o)
}
