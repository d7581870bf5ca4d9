package main

import (
	"encoding/json"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/audit"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
)

const (
	zendeskPolicies = "../../examples/zendesk-policies/"
	zendeskExport   = "../../examples/zendesk/"
)

// ticketAt reads the ticket's id in a history's name.
var ticketAt = regexp.MustCompile(`^ticket (\d+) \(`)

// zendeskImpactArgs tries the proposed edit of the imported policies on
// the example export's tickets.
var zendeskImpactArgs = []string{"--zendesk", zendeskPolicies + "catalog.yaml", zendeskPolicies + "proposed.yaml", zendeskPolicies + "audits.json"}

var goldenImpactZendesk = []goldenCase{
	{"impact-zendesk", append([]string{"impact"}, zendeskImpactArgs...), exitOK},
	{"impact-zendesk-json", append([]string{"impact", "--output", "json"}, zendeskImpactArgs...), exitOK},
	// At an earlier --now, what happened after it is left out, as audit
	// leaves it out: tickets 204 and 206 are not yet opened.
	{"impact-zendesk-now", append([]string{"impact", "--now", "2026-11-27T00:00:00Z"}, zendeskImpactArgs...), exitOK},
	{"impact-zendesk-renamed-tier", []string{"impact", "--zendesk", zendeskPolicies + "catalog.yaml", impactData + "old.yaml", zendeskExport + "audits.json"}, exitOK},
	{"impact-zendesk-bad-page", []string{"impact", "--zendesk", zendeskPolicies + "catalog.yaml", zendeskPolicies + "proposed.yaml", "testdata/zendesk-bad-events.json"}, exitInput},
	{"impact-zendesk-bad-audits", []string{"impact", "--zendesk", zendeskPolicies + "catalog.yaml", zendeskPolicies + "proposed.yaml", zendeskPolicies + "audits.json", impactData + "bad-audits.json"}, exitInput},
	{"impact-zendesk-not-a-page", []string{"impact", "--zendesk", zendeskPolicies + "catalog.yaml", zendeskPolicies + "proposed.yaml", "testdata/case.json"}, exitInput},
	{"impact-zendesk-unknown-tier", []string{"impact", "--zendesk", "--tier", "gold", zendeskPolicies + "catalog.yaml", zendeskPolicies + "proposed.yaml", zendeskPolicies + "audits.json"}, exitUndecidable},
	// An export without a ticket or an instant is read at no instant: none
	// is reported, neither 0001-01-01 nor the clock.
	{"impact-zendesk-empty", []string{"impact", "--zendesk", zendeskPolicies + "catalog.yaml", zendeskPolicies + "proposed.yaml", "testdata/zendesk-empty-audits.json"}, exitOK},
	{"impact-zendesk-empty-json", []string{"impact", "--output", "json", "--zendesk", zendeskPolicies + "catalog.yaml", zendeskPolicies + "proposed.yaml", "testdata/zendesk-empty-audits.json"}, exitOK},
	{"impact-tier-without-zendesk", []string{"impact", "--tier", "gold", impactData + "old.yaml", impactData + "new.yaml", "testdata/case.yaml"}, exitUsage},
}

// The impact of an edit over a Zendesk export is the impact over the same
// tickets written as JSON-lines histories: each ticket, as the audit
// rebuilds it from its audits, read at the export's latest instant.
func TestImpactZendeskAgreesWithHistories(t *testing.T) {
	for _, tc := range []struct {
		name  string
		pages []string
	}{
		{"the policies' example export", []string{zendeskPolicies + "audits.json"}},
		{"the audit's example export, metric events too", []string{zendeskExport + "audits.json", zendeskExport + "metric_events.json"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, err := input.LoadZendeskExport(tc.pages...)
			require.NoError(t, err)
			jsonl := filepath.Join(t.TempDir(), "tickets.jsonl")
			require.NoError(t, os.WriteFile(jsonl, ticketsJSONL(t, x), 0o600))

			catalogs := []string{zendeskPolicies + "catalog.yaml", zendeskPolicies + "proposed.yaml"}
			fromExport := impactJSON(t, append(append([]string{"--zendesk"}, catalogs...), tc.pages...)...)
			fromJSONL := impactJSON(t, append(catalogs, jsonl)...)
			lineAt := regexp.MustCompile(`tickets\.jsonl:(\d+):1$`)
			renameLargest(t, &fromExport, func(s string) string { return ticketAt.FindStringSubmatch(s)[1] })
			renameLargest(t, &fromJSONL, func(s string) string {
				n, err := strconv.Atoi(lineAt.FindStringSubmatch(s)[1])
				require.NoError(t, err)
				return x.Tickets[n-1].ID
			})
			// The export's one now is reported; the histories each carry theirs.
			require.NotNil(t, fromExport.Now)
			assert.True(t, fromExport.Now.Equal(x.Latest), "now %v, the export's latest %v", fromExport.Now, x.Latest)
			assert.Nil(t, fromJSONL.Now)
			fromExport.Now = nil
			assert.Equal(t, fromJSONL, fromExport)

			// The edit moves due instants: reported as moved, never as no change.
			assert.Equal(t, len(x.Tickets), fromExport.Histories)
			assert.Zero(t, fromExport.Refused)
			assert.Positive(t, fromExport.Total.Earlier.Count)
		})
	}
}

// An edit that moves no deadline is reported as no move; the edit that does
// is never: a catalog against itself, then against the proposed edit.
func TestImpactZendeskMoved(t *testing.T) {
	pages := zendeskPolicies + "audits.json"
	same := impactJSON(t, "--zendesk", zendeskPolicies+"catalog.yaml", zendeskPolicies+"catalog.yaml", pages)
	assert.Zero(t, same.Total.Earlier.Count+same.Total.Later.Count+same.Total.NewlyBreached+same.Total.NoLongerBreached)
	assert.Positive(t, same.Total.Same)

	moved := impactJSON(t, zendeskImpactArgs...)
	assert.Equal(t, 4, moved.Total.NewlyBreached, "tickets 201 and 203, each response and first_reply_time")
	assert.Equal(t, 8, moved.Total.Earlier.Count)
	require.NotNil(t, moved.Total.Earlier.Largest)
	l := moved.Total.Earlier.Largest
	// Ticket 203, vip and high, opened Wednesday 16:00 before Thanksgiving:
	// 2 business hours end Monday 10:00, 1 ends Wednesday 17:00.
	assert.Equal(t, -int64((4*24+17)*time.Hour/time.Second), l.By.Seconds)
	assert.Regexp(t, `^ticket 203 \(.*audits\.json:\d+:\d+\)$`, l.History)
	assert.Equal(t, "2026-11-30T10:00:00-08:00", l.Old.Format(time.RFC3339))
	assert.Equal(t, "2026-11-25T17:00:00-08:00", l.New.Format(time.RFC3339))
}

// impactJSON runs impact with --output json and reads its answer.
func impactJSON(t *testing.T, args ...string) answer.Impact {
	t.Helper()
	stdout, stderr, code := runCmd(t, append([]string{"impact", "--output", "json"}, args...)...)
	require.Equal(t, exitOK, code, stderr)
	var out answer.Impact
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	return out
}

// renameLargest names the history of every largest shift of r by rename.
func renameLargest(t *testing.T, r *answer.Impact, rename func(string) string) {
	t.Helper()
	groups := append(append(append([]answer.ImpactGroup{r.Total}, r.Metrics...), r.Priorities...), r.Accounts...)
	for _, g := range groups {
		for _, s := range []*answer.Shift{g.Later.Largest, g.Earlier.Largest} {
			if s != nil {
				s.History = rename(s.History)
			}
		}
	}
	r.Total = groups[0]
}

// ticketsJSONL writes the tickets of x as JSON-lines histories, on tier
// zendesk, read at the export's latest instant.
func ticketsJSONL(t *testing.T, x *input.ZendeskExport) []byte {
	t.Helper()
	type event struct {
		At       string         `json:"at"`
		Type     string         `json:"type"`
		Status   string         `json:"status,omitempty"`
		By       string         `json:"by,omitempty"`
		Priority string         `json:"priority,omitempty"`
		Attrs    map[string]any `json:"attrs,omitempty"`
	}
	var out []byte
	for _, tk := range x.Tickets {
		events := []event{}
		for _, ev := range tk.Events {
			e := event{At: ev.At.Format(time.RFC3339Nano), Type: ev.Type, Status: ev.Status, By: ev.By, Attrs: ev.Attrs}
			if ev.Priority != 0 {
				e.Priority = ev.Priority.String()
			}
			events = append(events, e)
		}
		line, err := json.Marshal(map[string]any{
			"tier": "zendesk", "priority": tk.Case.Priority.String(), "opened": tk.Case.Opened.Format(time.RFC3339Nano),
			"attrs": tk.Case.Attrs, "now": x.Latest.Format(time.RFC3339Nano), "events": events,
		})
		require.NoError(t, err)
		out = append(append(out, line...), '\n')
	}
	return out
}

// Impact reads each ticket as audit reads it, at the same instant: every
// cycle the audit computes (at the export's latest instant, or at an
// earlier now that leaves later events and tickets out) is the cycle of
// the ticket's history as impact replays it.
func TestImpactZendeskReadsTicketsAsAudit(t *testing.T) {
	e, err := rules.Load(zendeskExport + "catalog.yaml")
	require.NoError(t, err)
	pages := []string{zendeskExport + "audits.json", zendeskExport + "metric_events.json"}
	x, err := input.LoadZendeskExport(pages...)
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		now  *time.Time // nil: the export's latest instant
	}{
		{"at the export's latest instant", nil},
		{"after the first replies, before the last events", new(time.Date(2026, 7, 6, 14, 45, 0, 0, time.UTC))},
		{"before ticket 103 opened", new(time.Date(2026, 7, 3, 12, 0, 0, 0, time.UTC))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := audit.RunFiles(e, audit.Options{Tier: "zendesk", Now: tc.now}, pages...)
			require.NoError(t, err)
			hs := zendeskHistories(x, "zendesk", tc.now)
			assert.Equal(t, rep.Now, hs.now)
			assert.Equal(t, rep.Summary.Tickets, len(hs.histories), "the tickets opened by now")
			cycles := map[audit.Ref]rules.Cycle{}
			for i, h := range hs.histories {
				tl, err := e.Timeline(h.Case, h.Events, *h.Now)
				require.NoError(t, err)
				id := ticketAt.FindStringSubmatch(hs.names[i])[1]
				for _, m := range tl.Metrics {
					for j, c := range m.Cycles {
						cycles[audit.Ref{Ticket: id, Metric: m.Metric, Instance: j + 1}] = c
					}
				}
			}
			compared := 0
			for _, r := range rep.Rows {
				if r.HasCycle {
					assert.Equal(t, r.Cycle, cycles[audit.Ref{Ticket: r.Ticket, Metric: r.Metric, Instance: r.Instance}], "ticket %s %s #%d", r.Ticket, r.Metric, r.Instance)
					compared++
				}
			}
			assert.Positive(t, compared)
		})
	}
}

// zendeskYear writes the example export's six tickets again and again, n
// tickets in all, each copy 30 minutes after the last (100,000 tickets
// span about a year), in pages of 1,000 audits, and returns the pages'
// paths.
func zendeskYear(tb testing.TB, n int) []string {
	tb.Helper()
	src, err := os.ReadFile(zendeskPolicies + "audits.json")
	require.NoError(tb, err)
	var page struct{ Audits []map[string]any }
	require.NoError(tb, json.Unmarshal(src, &page))
	const perCopy = 6 // tickets 201-206
	var audits []map[string]any
	var paths []string
	flush := func() {
		b, err := json.Marshal(map[string]any{"audits": audits})
		require.NoError(tb, err)
		path := filepath.Join(tb.TempDir(), "audits-"+strconv.Itoa(len(paths))+".json")
		require.NoError(tb, os.WriteFile(path, b, 0o600))
		paths, audits = append(paths, path), audits[:0]
	}
	for k := range (n + perCopy - 1) / perCopy {
		for _, a := range page.Audits {
			at, err := time.Parse(time.RFC3339, a["created_at"].(string))
			require.NoError(tb, err)
			c := maps.Clone(a)
			c["ticket_id"] = a["ticket_id"].(float64) + float64(k*perCopy)
			c["created_at"] = at.Add(time.Duration(k) * 30 * time.Minute).Format(time.RFC3339)
			if audits = append(audits, c); len(audits) == 1000 {
				flush()
			}
		}
	}
	if len(audits) > 0 {
		flush()
	}
	return paths
}

// BenchmarkImpactZendesk reads an export of 100,000 tickets (300,000
// audits in 300 pages), a year of them, and replays each ticket on the
// imported policies and on the proposed edit, as the command does.
func BenchmarkImpactZendesk(b *testing.B) {
	args := append([]string{"impact", "--zendesk", "--output", "json", zendeskPolicies + "catalog.yaml", zendeskPolicies + "proposed.yaml"}, zendeskYear(b, 100_000)...)
	b.ReportAllocs()
	for b.Loop() {
		if code := run(args, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}
