package input

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestZendeskAudits(t *testing.T) {
	// Two pages, the later audits first, as GET /api/v2/ticket_audits lists
	// them (newest first).
	later := `{"audits": [
  {"id": 4, "ticket_id": 5, "created_at": "2026-07-06T16:00:00Z", "author_id": 20,
   "events": [{"type": "Change", "field_name": "priority", "value": "urgent", "previous_value": "normal"},
              {"type": "Change", "field_name": "tags", "value": ["vip"], "previous_value": []}]},
  {"id": 3, "ticket_id": 5, "created_at": "2026-07-06T15:00:00Z", "author_id": 10,
   "events": [{"type": "Comment", "public": true, "body": "Any news?"}]},
  {"id": 5, "ticket_id": 5, "created_at": "2026-07-06T17:00:00Z", "author_id": 20,
   "events": [{"type": "Comment", "public": false, "author_id": 20}]},
  {"id": 6, "ticket_id": 5, "created_at": "2026-07-06T18:00:00Z", "author_id": 20,
   "events": [{"type": "Change", "field_name": "status", "value": "hold", "previous_value": "pending"},
              {"type": "Change", "field_name": "priority", "value": "high", "previous_value": "urgent"}]},
  {"id": 7, "ticket_id": 5, "created_at": "2026-07-06T19:00:00Z", "author_id": 20,
   "events": [{"type": "Notification", "body": "sent"}, {"type": "Change", "field_name": "priority", "value": null}]}
]}`
	first := `{"audits": [
  {"id": 1, "ticket_id": 5, "created_at": "2026-07-06T13:00:00Z", "author_id": 10,
   "events": [{"type": "Comment", "public": true, "author_id": 10, "body": "Help"},
              {"type": "Create", "field_name": "status", "value": "pending"},
              {"type": "Create", "field_name": "priority", "value": "normal"},
              {"type": "Create", "field_name": "requester_id", "value": "10"},
              {"type": "Create", "field_name": "organization_id", "value": "77"},
              {"type": "Create", "field_name": "360042", "value": "gold"},
              {"type": "Create", "field_name": "first_reply_time", "value": {"minutes": 1440, "in_business_hours": false}}]},
  {"id": 2, "ticket_id": 5, "created_at": "2026-07-06T14:00:00Z", "author_id": 20,
   "events": [{"type": "Comment", "public": true, "author_id": 20}, {"type": "Change", "field_name": "status", "value": "pending", "previous_value": "pending"}]}
]}`
	x, err := readExport(later, first)
	require.NoError(t, err)
	require.Len(t, x.Tickets, 1)
	tk := x.Tickets[0]
	h := func(hour int) time.Time { return time.Date(2026, 7, 6, hour, 0, 0, 0, time.UTC) }
	assert.Equal(t, "5", tk.ID)
	assert.Equal(t, "p2.json:2:3", tk.At.Short(), "the ticket's first audit")
	assert.Equal(t, rules.Case{Priority: slo.P3, Opened: h(13), Attrs: map[string]any{"organization_id": int64(77), "360042": "gold"}}, tk.Case)
	assert.Equal(t, []rules.Event{
		{At: h(13), Type: rules.EventStatus, Status: "pending"},     // created pending: a status event at the opening
		{At: h(14), Type: rules.EventMessage, By: rules.ByAgent},    // the status "changed" to itself: no change
		{At: h(15), Type: rules.EventMessage, By: rules.ByCustomer}, // the audit's author is the requester
		{At: h(16), Type: rules.EventPriority, Priority: slo.P1, Attrs: map[string]any{"tags": []any{"vip"}}},
		{At: h(17), Type: rules.EventNote, By: ""},                             // a private comment
		{At: h(18), Type: rules.EventStatus, Status: "hold", Priority: slo.P2}, // a status and a priority at once
	}, tk.Events, "a priority removed and a notification are no event")
	assert.Equal(t, h(19), x.Latest)
}
