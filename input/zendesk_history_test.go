package input

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
)

// historyPage is one ticket: opened at 13:00, answered at 14:00, solved at
// 16:00.
const historyPage = `{"audits": [
  {"id": 1, "ticket_id": 7, "created_at": "2026-07-06T13:00:00Z", "author_id": 10,
   "events": [{"type": "Comment", "public": true, "body": "Help"},
              {"type": "Create", "field_name": "priority", "value": "urgent"},
              {"type": "Create", "field_name": "requester_id", "value": "10"}]},
  {"id": 2, "ticket_id": 7, "created_at": "2026-07-06T14:00:00Z", "author_id": 20,
   "events": [{"type": "Comment", "public": true, "body": "On it"}]},
  {"id": 3, "ticket_id": 7, "created_at": "2026-07-06T16:00:00Z", "author_id": 20,
   "events": [{"type": "Change", "field_name": "status", "value": "solved", "previous_value": "open"}]}
]}`

func TestTicketHistory(t *testing.T) {
	x, err := readExport(historyPage)
	require.NoError(t, err)
	require.Len(t, x.Tickets, 1)
	tk := &x.Tickets[0]
	h := func(hour int) time.Time { return time.Date(2026, 7, 6, hour, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name   string
		now    time.Time
		events int // the events kept; -1: no history
	}{
		{"at the export's latest instant: every event", x.Latest, 2},
		{"later: every event", h(20), 2},
		{"between two events: those up to now", h(15), 1},
		{"at an event: that event is kept", h(14), 1},
		{"at the opening: no event", h(13), 0},
		{"before the opening: no history yet", h(12), -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hist, ok := tk.History("zendesk", tc.now)
			if tc.events < 0 {
				assert.False(t, ok)
				assert.Nil(t, hist)
				return
			}
			require.True(t, ok)
			assert.Equal(t, "zendesk", hist.Case.Tier, "the tier given, the export names none")
			assert.Equal(t, tc.now, hist.Now)
			require.NotNil(t, hist.Case.Now)
			assert.Equal(t, tc.now, *hist.Case.Now)
			assert.Equal(t, tk.Events[:tc.events], hist.Events)
			assert.Equal(t, "p1.json:2:3", hist.At())
		})
	}
	assert.Empty(t, tk.Case.Tier, "the ticket is not changed")
	assert.Len(t, tk.Events, 2)
}

// A ticket's Case.Tier, when set, is kept; the tier given is for the
// tickets without one.
func TestTicketHistoryKeepsItsTier(t *testing.T) {
	tk := Ticket{ID: "1", Case: rules.Case{Tier: "gold", Opened: time.Date(2026, 7, 6, 13, 0, 0, 0, time.UTC)}}
	hist, ok := tk.History("zendesk", tk.Case.Opened)
	require.True(t, ok)
	assert.Equal(t, "gold", hist.Case.Tier)
}

// The engine's errors about a ticket are positioned at its first audit,
// with its JSON path.
func TestTicketHistoryErrors(t *testing.T) {
	x, err := readExport(historyPage)
	require.NoError(t, err)
	e, err := rules.Compile("c.yaml", []byte("tiers:\n  std:\n    name: Std\n    response: {P1: 1h 24x7}\n"))
	require.NoError(t, err)
	hist, ok := x.Tickets[0].History("zendesk", x.Latest)
	require.True(t, ok)
	_, err = hist.Timeline(e)
	require.ErrorIs(t, err, rules.ErrUnknownTier)
	assert.Regexp(t, `^p1.json:2:3: audits\[0\]: unknown tier "zendesk"`, err.Error())

	hist, _ = x.Tickets[0].History("std", x.Latest)
	tl, err := hist.Timeline(e)
	require.NoError(t, err)
	require.NotEmpty(t, tl.Metrics)
	assert.Equal(t, "response", tl.Metrics[0].Metric)
	assert.Equal(t, time.Date(2026, 7, 6, 14, 0, 0, 0, time.UTC), tl.Metrics[0].Cycles[0].End.UTC(), "answered at 14:00")
}
