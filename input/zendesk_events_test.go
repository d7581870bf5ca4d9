package input

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readExport reads pages named p1.json, p2.json, ... with a ZendeskReader.
func readExport(pages ...string) (*ZendeskExport, error) {
	var r ZendeskReader
	for i, p := range pages {
		_ = r.Add("p"+string(rune('1'+i))+".json", []byte(p))
	}
	return r.Export()
}

func TestZendeskMetricEvents(t *testing.T) {
	x, err := readExport(`{"ticket_metric_events": [
  {"id": 1, "ticket_id": 9, "metric": "reply_time", "instance_id": 1, "type": "activate", "time": "2026-07-02T20:00:00Z"},
  {"id": 2, "ticket_id": 9, "metric": "reply_time", "instance_id": 1, "type": "apply_sla", "time": "2026-07-02T20:00:00Z",
   "sla": {"target": 480, "business_hours": true, "policy": {"id": 25, "title": "Incidents"}}},
  {"id": 3, "ticket_id": 9, "metric": "reply_time", "instance_id": 1, "type": "breach", "time": "2026-07-06T20:00:00Z", "deleted": true},
  {"id": 4, "ticket_id": 9, "metric": "reply_time", "instance_id": 1, "type": "fulfill", "time": "2026-07-06T15:00:00Z"},
  {"id": 5, "ticket_id": 9, "metric": "reply_time", "instance_id": 2, "type": "breach", "time": "2026-07-07T15:00:00Z"},
  {"id": 6, "ticket_id": 9, "metric": "reply_time", "instance_id": 2, "type": "breach", "time": "2026-07-07T14:00:00Z"},
  {"id": 7, "ticket_id": 9, "metric": "resolution_time", "instance_id": 1, "type": "apply_group_sla", "time": "2026-07-02T20:00:00Z",
   "group_sla": {"target": 1440, "business_hours": false, "policy": {"id": 26}}},
  {"id": 8, "ticket_id": 9, "metric": "agent_work_time", "instance_id": 1, "type": "measure", "time": "2026-07-02T20:00:00Z", "future_key": [1]}
], "next_page": null, "end_time": 1783454400}`)
	require.NoError(t, err)
	require.Len(t, x.Recorded, 4)
	assert.Equal(t, Recorded{Ticket: "9", Metric: "first_reply_time", Instance: 1, SLA: true, Target: 8 * time.Hour, BusinessHours: true, Policy: "Incidents",
		First: time.Date(2026, 7, 2, 20, 0, 0, 0, time.UTC), Fulfilled: time.Date(2026, 7, 6, 15, 0, 0, 0, time.UTC), HasFulfilled: true, At: x.Recorded[0].At}, x.Recorded[0], "the deleted breach is no breach")
	assert.Equal(t, "p1.json:2:3", x.Recorded[0].At.Short())
	assert.Equal(t, "next_reply_time", x.Recorded[1].Metric)
	assert.Equal(t, 1, x.Recorded[1].Instance, "reply_time's second instance is the first next reply")
	assert.True(t, x.Recorded[1].HasBreached)
	assert.Equal(t, time.Date(2026, 7, 7, 14, 0, 0, 0, time.UTC), x.Recorded[1].Breached, "the first breach")
	assert.Equal(t, time.Date(2026, 7, 7, 14, 0, 0, 0, time.UTC), x.Recorded[1].First, "the earliest event, not the first written")
	assert.Equal(t, Recorded{Ticket: "9", Metric: "total_resolution_time", Instance: 1, SLA: true, Target: 24 * time.Hour, Policy: "26", First: time.Date(2026, 7, 2, 20, 0, 0, 0, time.UTC), At: x.Recorded[2].At}, x.Recorded[2])
	assert.False(t, x.Recorded[3].SLA, "measured, no SLA")
	assert.Equal(t, time.Date(2026, 7, 7, 15, 0, 0, 0, time.UTC), x.Latest)
}

// A fulfillment or a breach at 0001-01-01T00:00:00Z is recorded, the
// zero instant like any other: the first breach is the earliest, even
// when written before a later one (the zero time meant "none": a later
// breach replaced it).
func TestZendeskMetricEventsYearOne(t *testing.T) {
	ev := func(ticket int, typ, at string) string {
		return fmt.Sprintf(`{"ticket_id": %d, "metric": "reply_time", "instance_id": 1, "type": %q, "time": %q}`, ticket, typ, at)
	}
	const zero, later = "0001-01-01T00:00:00Z", "2026-07-07T14:00:00Z"
	x, err := readExport(`{"ticket_metric_events": [` + strings.Join([]string{
		ev(1, "fulfill", zero), ev(2, "breach", zero), ev(2, "breach", later), ev(3, "activate", later)}, ",\n") + `]}`)
	require.NoError(t, err)
	require.Len(t, x.Recorded, 3)
	tests := []struct {
		name                      string
		rec                       Recorded
		hasFulfilled, hasBreached bool
	}{
		{"fulfilled then", x.Recorded[0], true, false},
		{"breached then, then later", x.Recorded[1], false, true},
		{"neither", x.Recorded[2], false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.hasFulfilled, tt.rec.HasFulfilled)
			assert.Equal(t, tt.hasBreached, tt.rec.HasBreached)
			assert.True(t, tt.rec.Fulfilled.IsZero(), "the instant, or zero when not fulfilled")
			assert.True(t, tt.rec.Breached.IsZero(), "the instant, or zero when not breached")
		})
	}
}

func TestTicketID(t *testing.T) {
	for in, want := range map[string]string{"7": "7", "0": "0", "007": "7", "+7": "7", "-0": "0", "1234567890123": "1234567890123"} {
		got, err := ticketID(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"-1", "x", "1.5", ""} {
		_, err := ticketID(in)
		assert.Error(t, err, in)
	}
}

func TestZendeskMetricName(t *testing.T) {
	tests := []struct {
		metric   string
		instance int
		want     string
		wantInst int
	}{
		{"reply_time", 1, "first_reply_time", 1},
		{"reply_time", 3, "next_reply_time", 2},
		{"resolution_time", 2, "total_resolution_time", 2},
		{"requester_wait_time", 1, "requester_wait_time", 1},
		{"group_ownership_time", 2, "group_ownership_time", 2},
	}
	for _, tt := range tests {
		t.Run(tt.metric, func(t *testing.T) {
			name, inst := ZendeskMetricName(tt.metric, tt.instance)
			assert.Equal(t, tt.want, name)
			assert.Equal(t, tt.wantInst, inst)
		})
	}
}

func TestZendeskAliases(t *testing.T) {
	builtins := []string{"response", "nextReply", "update", "resolution"}
	assert.Equal(t, map[string]string{"first_reply_time": "response", "next_reply_time": "nextReply", "periodic_update_time": "update", "total_resolution_time": "resolution"},
		ZendeskAliases(builtins))
	assert.Equal(t, map[string]string{"first_reply_time": "response", "periodic_update_time": "update"},
		ZendeskAliases(append(builtins, "next_reply_time", "total_resolution_time")), "a metric the catalog declares keeps its name")
}

// Every malformed export gives every problem at once, positioned, naming
// the JSON path.
func TestZendeskExportMalformed(t *testing.T) {
	ev := func(fields string) string { return `{"ticket_metric_events": [` + "\n" + fields + "\n]}" }
	tests := []struct {
		name  string
		pages []string
		want  string
	}{
		{"unknown metric", []string{ev(`{"ticket_id": 1, "metric": "first_reply", "instance_id": 1, "type": "activate", "time": "2026-07-02T20:00:00Z"}`)},
			`p1.json:2:28: ticket_metric_events[0].metric: unknown metric "first_reply" (known: agent_work_time, pausable_update_time, periodic_update_time, reply_time, requester_wait_time, resolution_time, group_ownership_time)`},
		{"unknown type", []string{ev(`{"ticket_id": 1, "metric": "reply_time", "instance_id": 1, "type": "start", "time": "2026-07-02T20:00:00Z"}`)},
			`p1.json:2:68: ticket_metric_events[0].type: unknown type "start" (known: activate, pause, fulfill, apply_sla, apply_group_sla, breach, update_status, measure)`},
		{"time not RFC 3339", []string{ev(`{"ticket_id": 1, "metric": "reply_time", "instance_id": 1, "type": "fulfill", "time": "2026-07-02 20:00"}`)},
			`p1.json:2:87: ticket_metric_events[0].time: invalid time "2026-07-02 20:00": want RFC 3339, as Zendesk writes it (2026-03-02T10:00:00Z)`},
		{"a date is not an instant", []string{ev(`{"ticket_id": 1, "metric": "reply_time", "instance_id": 1, "type": "fulfill", "time": "2026-07-02"}`)},
			`p1.json:2:87: ticket_metric_events[0].time: invalid time "2026-07-02": want RFC 3339, as Zendesk writes it (2026-03-02T10:00:00Z)`},
		{"missing ticket", []string{ev(`{"metric": "reply_time", "instance_id": 1, "type": "fulfill", "time": "2026-07-02T20:00:00Z"}`)},
			`p1.json:2:1: ticket_metric_events[0]: missing required key "ticket_id"`},
		{"negative ticket", []string{ev(`{"ticket_id": -4, "metric": "reply_time", "instance_id": 1, "type": "fulfill", "time": "2026-07-02T20:00:00Z"}`)},
			`p1.json:2:15: ticket_metric_events[0].ticket_id: must be a non-negative integer, got "-4"`},
		{"instance 0", []string{ev(`{"ticket_id": 1, "metric": "reply_time", "instance_id": 0, "type": "fulfill", "time": "2026-07-02T20:00:00Z"}`)},
			`p1.json:2:57: ticket_metric_events[0].instance_id: must be an integer from 1, got "0"`},
		{"several at once", []string{ev(`{"ticket_id": 1, "metric": "x", "instance_id": 1, "type": "y", "time": "z"}`)},
			"p1.json:2:28: ticket_metric_events[0].metric: unknown metric \"x\"" +
				" (known: agent_work_time, pausable_update_time, periodic_update_time, reply_time, requester_wait_time, resolution_time, group_ownership_time)\n" +
				"p1.json:2:59: ticket_metric_events[0].type: unknown type \"y\" (known: activate, pause, fulfill, apply_sla, apply_group_sla, breach, update_status, measure)\n" +
				"p1.json:2:72: ticket_metric_events[0].time: invalid time \"z\": want RFC 3339, as Zendesk writes it (2026-03-02T10:00:00Z)"},
		{"a file of the wrong kind", []string{`{"sla_policies": []}`},
			`p1.json:1:1: not a Zendesk ticket export: want an object with "ticket_metric_events" (GET /api/v2/incremental/ticket_metric_events) or "audits" (GET /api/v2/ticket_audits)`},
		{"not an object", []string{`[1, 2]`},
			`p1.json:1:1: must be an object with "ticket_metric_events" (GET /api/v2/incremental/ticket_metric_events) or "audits" (GET /api/v2/ticket_audits), got an array`},
		{"the list is not a list", []string{`{"audits": {}}`},
			`p1.json:1:12: audits: must be an array, got an object`},
		{"an error in each of two pages", []string{ev(`{"ticket_id": 1, "metric": "x", "instance_id": 1, "type": "fulfill", "time": "2026-07-02T20:00:00Z"}`), `{}`},
			"p1.json:2:28: ticket_metric_events[0].metric: unknown metric \"x\"" +
				" (known: agent_work_time, pausable_update_time, periodic_update_time, reply_time, requester_wait_time, resolution_time, group_ownership_time)\n" +
				`p2.json:1:1: not a Zendesk ticket export: want an object with "ticket_metric_events" (GET /api/v2/incremental/ticket_metric_events) or "audits" (GET /api/v2/ticket_audits)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := readExport(tt.pages...)
			require.Error(t, err)
			assert.Nil(t, x)
			assert.Equal(t, tt.want, err.Error())
			assert.ErrorIs(t, err, ErrInvalidZendeskEvents)
			assert.ErrorIs(t, err, ErrInvalidFile)
			var list ErrorList
			assert.True(t, errors.As(err, &list))
		})
	}
}
