package audit_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/audit"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

const (
	catalogFile = "../examples/zendesk/catalog.yaml"
	auditsFile  = "../examples/zendesk/audits.json"
	eventsFile  = "../examples/zendesk/metric_events.json"
)

// example audits the Zendesk export of examples/zendesk.
func example(t testing.TB) (*rules.Engine, *input.ZendeskExport, audit.Report) {
	t.Helper()
	e, err := rules.Load(catalogFile)
	require.NoError(t, err)
	x, err := input.LoadZendeskExport(auditsFile, eventsFile)
	require.NoError(t, err)
	rep, err := audit.Run(e, x.Tickets, x.Recorded, audit.Options{Tier: "zendesk", Latest: x.Latest, Aliases: input.ZendeskAliases(e.Metrics())})
	require.NoError(t, err)
	return e, x, rep
}

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// The example's deadlines, worked by hand on the business calendar (Mon-Fri
// 09:00-17:00 New York, closed Friday 2026-07-03 for Independence Day).
func TestRunExample(t *testing.T) {
	_, x, rep := example(t)
	assert.Equal(t, at("2026-07-07T14:05:00Z"), rep.Now.UTC(), "now is the latest instant recorded")
	type want struct {
		ticket, metric string
		verdict        audit.Verdict
		due, end       string
	}
	wants := []want{
		// 101, high, opened Thursday 16:00 before the holiday and the
		// weekend: 1h Thursday, Friday closed, then 7h from Monday 09:00.
		{"101", "response", audit.Agree, "2026-07-06T16:00:00-04:00", "2026-07-06T11:00:00-04:00"},
		// The customer answers Monday 16:30: 30m Monday, 1h30m Tuesday.
		{"101", "next_reply_time", audit.Agree, "2026-07-07T10:30:00-04:00", "2026-07-07T10:00:00-04:00"},
		// 16h, paused while pending Monday 11:00-16:30: 1h Thursday, 2h and
		// 30m Monday, 8h Tuesday, 4h30m Wednesday.
		{"101", "requester_wait_time", audit.Agree, "2026-07-08T13:30:00-04:00", "2026-07-07T10:05:00-04:00"},
		// 102, high, opened Thursday 15:00: Zendesk's schedule lacked the
		// holiday and recorded a breach Friday 15:00; the catalog has 2h
		// Thursday and 6h Monday, answered Monday 09:30.
		{"102", "response", audit.RecordedBreach, "2026-07-06T15:00:00-04:00", "2026-07-06T09:30:00-04:00"},
		{"102", "requester_wait_time", audit.Agree, "2026-07-07T15:00:00-04:00", "2026-07-06T10:00:00-04:00"},
		// 103, urgent, opened Saturday: the catalog's 1h (Zendesk's policy
		// had 2h) runs from Monday 09:00; answered 10:30.
		{"103", "response", audit.CatalogBreach, "2026-07-06T10:00:00-04:00", "2026-07-06T10:30:00-04:00"},
		// 24h around the clock, solved after 50h: both breached Sunday.
		{"103", "total_resolution_time", audit.Agree, "2026-07-05T10:00:00-04:00", "2026-07-06T12:00:00-04:00"},
	}
	require.Len(t, rep.Rows, len(wants)+1)
	for i, w := range wants {
		r := rep.Rows[i]
		t.Run(w.ticket+"/"+w.metric, func(t *testing.T) {
			assert.Equal(t, w.ticket, r.Ticket)
			assert.Equal(t, w.metric, r.Metric)
			assert.Equal(t, 1, r.Instance)
			assert.Equal(t, w.verdict, r.Verdict, r.Why)
			assert.Equal(t, at(w.due).UTC(), r.Cycle.Due.UTC())
			assert.Equal(t, at(w.end).UTC(), r.Cycle.End.UTC())
		})
	}
	assert.Equal(t, audit.Row{Ticket: "104", Verdict: audit.NoHistory, Why: "the helpdesk recorded metrics of a ticket whose history is not in the input"}, rep.Rows[len(wants)])
	assert.Equal(t, time.Duration(0), rep.Rows[6].DueDiff, "both breached at the same instant")
	assert.Equal(t, []audit.Ref{{"102", "response", 1}}, rep.Summary.RecordedBreaches)
	assert.Equal(t, []audit.Ref{{"103", "response", 1}}, rep.Summary.CatalogBreaches)
	assert.Equal(t, 3, rep.Summary.Tickets)
	assert.Equal(t, 5, rep.Summary.Counts[audit.Agree])
	assert.Equal(t, 3, rep.Disagreements())
	assert.Len(t, x.Tickets, 3)
}

func TestRunOptions(t *testing.T) {
	e, err := rules.Load(catalogFile)
	require.NoError(t, err)
	opened := at("2026-07-06T13:00:00Z") // Monday 09:00 New York
	tickets := []input.Ticket{{ID: "7", Case: rules.Case{Priority: slo.P1, Opened: opened}}}
	t.Run("unknown tier", func(t *testing.T) {
		_, err := audit.Run(e, tickets, nil, audit.Options{Tier: "gold"})
		require.ErrorIs(t, err, rules.ErrUnknownTier)
	})
	t.Run("negative tolerance", func(t *testing.T) {
		_, err := audit.Run(e, tickets, nil, audit.Options{Tier: "zendesk", Tolerance: -time.Minute})
		require.ErrorIs(t, err, audit.ErrAudit)
	})
	t.Run("now given: a running cycle is measured to it", func(t *testing.T) {
		rep, err := audit.Run(e, tickets, nil, audit.Options{Tier: "zendesk", Now: new(opened.Add(2 * time.Hour)), Latest: opened})
		require.NoError(t, err)
		require.NotEmpty(t, rep.Rows)
		r := rep.Rows[0]
		assert.Equal(t, "response", r.Metric)
		assert.Equal(t, audit.CatalogBreach, r.Verdict, "running 2h on a 1h target; nothing was recorded")
		assert.Equal(t, time.Hour, r.Cycle.Overdue)
	})
	t.Run("a ticket that cannot be decided is a row, the audit goes on", func(t *testing.T) {
		bad := append([]input.Ticket{{ID: "6", Case: rules.Case{Opened: opened}}}, tickets...)
		rep, err := audit.Run(e, bad, nil, audit.Options{Tier: "zendesk", Latest: opened})
		require.NoError(t, err)
		require.Equal(t, audit.Failed, rep.Rows[0].Verdict)
		require.ErrorIs(t, rep.Rows[0].Err, rules.ErrInvalidCase)
		assert.Equal(t, "7", rep.Rows[1].Ticket)
		assert.Equal(t, 1, rep.Summary.Counts[audit.Failed])
	})
	t.Run("aliases", func(t *testing.T) {
		tickets := []input.Ticket{{ID: "7", Case: rules.Case{Priority: slo.P3, Opened: opened}}}
		rec := []input.Recorded{{Ticket: "7", Metric: "first_reply_time", Instance: 1, SLA: true, Target: 24 * time.Hour, BusinessHours: true}}
		rep, err := audit.Run(e, tickets, rec, audit.Options{Tier: "zendesk", Latest: opened, Aliases: map[string]string{"first_reply_time": "response"}})
		require.NoError(t, err)
		require.Len(t, rep.Rows, 1)
		assert.Equal(t, audit.Agree, rep.Rows[0].Verdict, rep.Rows[0].Why)
		rep, err = audit.Run(e, tickets, rec, audit.Options{Tier: "zendesk", Latest: opened})
		require.NoError(t, err)
		require.Len(t, rep.Rows, 2, "without the alias: a response nobody recorded, a first_reply_time the catalog lacks")
		assert.Equal(t, audit.Unrecorded, rep.Rows[0].Verdict)
		assert.Equal(t, audit.Uncomputed, rep.Rows[1].Verdict)
	})
}

// An audit at an earlier now leaves out what happened after it: events,
// fulfillments, breaches, instances first recorded later.
func TestRunEarlierNow(t *testing.T) {
	e, x, _ := example(t)
	now := at("2026-07-06T14:00:00Z") // Monday 10:00 New York
	rep, err := audit.Run(e, x.Tickets, x.Recorded, audit.Options{Tier: "zendesk", Now: &now, Latest: x.Latest, Aliases: input.ZendeskAliases(e.Metrics())})
	require.NoError(t, err)
	var got []string
	for _, r := range rep.Rows {
		got = append(got, r.Ticket+" "+r.Metric+" "+string(r.Verdict)+" "+r.Cycle.State.String())
	}
	assert.Equal(t, []string{
		"101 response agree running", // answered at 15:00Z, after now; the recorded fulfillment too
		"101 requester_wait_time agree running",
		"102 response recorded-breach achieved",
		"102 requester_wait_time agree achieved",
		"103 response target running", // due at now exactly: not yet breached
		"103 total_resolution_time agree running",
		"104  no-history running",
	}, got, "no next reply yet: the customer's message is at 20:30Z")
	assert.False(t, rep.Rows[0].Recorded.HasFulfilled)
	assert.True(t, rep.Rows[0].Recorded.Fulfilled.IsZero(), "not recorded at now: the zero time")
	assert.Equal(t, 3, rep.Summary.Tickets)
	rep, err = audit.Run(e, x.Tickets, x.Recorded, audit.Options{Tier: "zendesk", Now: new(at("2026-07-03T00:00:00Z")), Latest: x.Latest})
	require.NoError(t, err)
	assert.Equal(t, 2, rep.Summary.Tickets, "ticket 103 opens on the 4th")
}

// Run is safe for concurrent use: the engine is immutable and Run keeps no
// state.
func TestRunConcurrent(t *testing.T) {
	e, x, want := example(t)
	done := make(chan audit.Report)
	for range 4 {
		go func() {
			rep, _ := audit.Run(e, x.Tickets, x.Recorded, audit.Options{Tier: "zendesk", Latest: x.Latest, Aliases: input.ZendeskAliases(e.Metrics())})
			done <- rep
		}()
	}
	for range 4 {
		assert.Equal(t, want, <-done)
	}
}

// RunFiles reads the export and fills Latest and Aliases as the example
// does by hand: the same report; a file that cannot be read is its error.
func TestRunFiles(t *testing.T) {
	e, _, want := example(t)
	got, err := audit.RunFiles(e, audit.Options{Tier: "zendesk"}, auditsFile, eventsFile)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	_, err = audit.RunFiles(e, audit.Options{Tier: "zendesk"}, "testdata/missing.json")
	assert.ErrorIs(t, err, input.ErrInvalidFile)
}

// Records interleaved across tickets are each ticket's, in the order
// written; the tickets recorded without a history are rows once each, in
// the order first recorded.
func TestRunGroupsRecordsByTicket(t *testing.T) {
	e, err := rules.Load(catalogFile)
	require.NoError(t, err)
	opened := at("2026-07-06T13:00:00Z") // Monday 09:00 New York
	tickets := []input.Ticket{
		{ID: "8", Case: rules.Case{Priority: slo.P2, Opened: opened}},
		{ID: "7", Case: rules.Case{Priority: slo.P2, Opened: opened}},
	}
	rec := func(ticket, metric string, instance int) input.Recorded {
		return input.Recorded{Ticket: ticket, Metric: metric, Instance: instance, SLA: true, Target: time.Hour, BusinessHours: true, First: opened}
	}
	recorded := []input.Recorded{rec("7", "next_reply_time", 2), rec("9", "first_reply_time", 1), rec("8", "next_reply_time", 1),
		rec("7", "next_reply_time", 1), rec("10", "first_reply_time", 1), rec("9", "next_reply_time", 1), rec("8", "next_reply_time", 3)}
	rep, err := audit.Run(e, tickets, recorded, audit.Options{Tier: "zendesk", Latest: opened.Add(time.Hour)})
	require.NoError(t, err)
	var got []string
	for _, r := range rep.Rows {
		got = append(got, fmt.Sprintf("%s %s %d %s", r.Ticket, r.Metric, r.Instance, r.Verdict))
	}
	assert.Equal(t, []string{
		"8 response 1 unrecorded", "8 requester_wait_time 1 unrecorded", "8 next_reply_time 1 uncomputed", "8 next_reply_time 3 uncomputed",
		"7 response 1 unrecorded", "7 requester_wait_time 1 unrecorded", "7 next_reply_time 2 uncomputed", "7 next_reply_time 1 uncomputed",
		"9  0 no-history", "10  0 no-history",
	}, got)
}

// yearOne is an export of two tickets opened at 0001-01-01T00:00:00Z, an
// instant like any other: ticket 1's first reply fulfilled then, ticket 2's
// breached then (both answered 30s later).
const yearOne = "testdata/year1/"

// yearOnePages writes the pages of yearOne with every instant moved from
// 0001-01-01T00:mm:ss to the same minute and second of day, and returns
// their paths.
func yearOnePages(t *testing.T, day string) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, name := range []string{"audits.json", "metric_events.json"} {
		b, err := os.ReadFile(yearOne + name)
		require.NoError(t, err)
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(strings.ReplaceAll(string(b), "0001-01-01T00:", day+"T00:")), 0o600))
		paths = append(paths, p)
	}
	return paths
}

// A fulfillment or a breach recorded at 0001-01-01T00:00:00Z is recorded:
// the audit of tickets opened then gives the verdicts of the same tickets
// in 2026 (it took the zero instant for "not recorded": ticket 1 "time",
// the helpdesk recording no fulfillment; ticket 2 "agree", no breach).
func TestRunYearOne(t *testing.T) {
	e, err := rules.Load(yearOne + "catalog.yaml")
	require.NoError(t, err)
	for _, day := range []string{"0001-01-01", "2026-07-06"} {
		t.Run(day, func(t *testing.T) {
			t0 := at(day + "T00:00:00Z")
			rep, err := audit.RunFiles(e, audit.Options{Tier: "zendesk", Tolerance: time.Minute}, yearOnePages(t, day)...)
			require.NoError(t, err)
			assert.Equal(t, t0.Add(30*time.Second), rep.Now, "the latest instant: the replies")
			require.Len(t, rep.Rows, 2)
			fulfilled, breached := rep.Rows[0], rep.Rows[1]

			assert.Equal(t, audit.Agree, fulfilled.Verdict, fulfilled.Why)
			assert.True(t, fulfilled.Recorded.HasFulfilled)
			assert.Equal(t, t0, fulfilled.Recorded.Fulfilled)
			assert.False(t, fulfilled.Recorded.HasBreached)
			assert.True(t, fulfilled.HasEndDiff)
			assert.Equal(t, 30*time.Second, fulfilled.EndDiff, "the catalog's reply, 30s after the recorded fulfillment")

			assert.Equal(t, audit.RecordedBreach, breached.Verdict, breached.Why)
			assert.True(t, breached.Recorded.HasBreached)
			assert.Equal(t, t0, breached.Recorded.Breached)
			assert.Equal(t, "the helpdesk recorded a breach at "+day+"T00:00:00Z; the catalog says it was met at "+day+"T00:00:30Z (due "+day+"T01:00:00Z)", breached.Why)
			assert.Equal(t, []audit.Ref{{Ticket: "2", Metric: "response", Instance: 1}}, rep.Summary.RecordedBreaches)
		})
	}
}

// An audit at 0001-01-01T00:00:00Z is at that instant, not at the export's
// latest: the replies 30s later are left out, the fulfillment and the
// breach then are in.
func TestRunNowYearOne(t *testing.T) {
	e, err := rules.Load(yearOne + "catalog.yaml")
	require.NoError(t, err)
	rep, err := audit.RunFiles(e, audit.Options{Tier: "zendesk", Now: new(time.Time{})}, yearOne+"audits.json", yearOne+"metric_events.json")
	require.NoError(t, err)
	assert.True(t, rep.Now.IsZero(), "now is 0001-01-01T00:00:00Z, not the latest instant %s", rep.Now)
	require.Len(t, rep.Rows, 2)
	for _, r := range rep.Rows {
		assert.Equal(t, rules.CycleRunning, r.Cycle.State, "no reply yet at now")
	}
	assert.True(t, rep.Rows[0].Recorded.HasFulfilled, "fulfilled at now")
	assert.False(t, rep.Rows[1].Recorded.HasFulfilled, "fulfilled 30s after now: not yet")
	assert.True(t, rep.Rows[1].Recorded.HasBreached, "breached at now")
}
