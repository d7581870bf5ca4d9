package input

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadZendeskExport(t *testing.T) {
	x, err := LoadZendeskExport("../examples/zendesk/audits.json", "../examples/zendesk/metric_events.json")
	require.NoError(t, err)
	assert.Len(t, x.Tickets, 3)
	assert.Len(t, x.Recorded, 10)
	_, err = LoadZendeskExport("testdata/no-such-export.json")
	require.ErrorIs(t, err, ErrInvalidZendeskEvents)
	assert.True(t, strings.Contains(err.Error(), "no-such-export.json"), err.Error())
}

// Pages join in any order: a ticket's audits and events may be split
// across pages, and the history is the same.
func TestZendeskReaderJoinsPages(t *testing.T) {
	create := `{"audits": [{"id": 1, "ticket_id": 5, "created_at": "2026-07-06T13:00:00Z", "events": [{"type": "Create", "field_name": "priority", "value": "low"}, {"type": "Create", "field_name": "requester_id", "value": "10"}]}]}`
	reply := `{"audits": [{"id": 2, "ticket_id": 5, "created_at": "2026-07-06T14:00:00Z", "author_id": 20, "events": [{"type": "Comment", "public": true}]}]}`
	events := `{"ticket_metric_events": [{"ticket_id": 5, "metric": "reply_time", "instance_id": 1, "type": "fulfill", "time": "2026-07-06T14:00:00Z"}]}`
	a, err := readExport(create, reply, events)
	require.NoError(t, err)
	b, err := readExport(events, reply, create)
	require.NoError(t, err)
	require.Len(t, a.Tickets, 1)
	assert.Equal(t, a.Tickets[0].Case, b.Tickets[0].Case)
	assert.Equal(t, a.Tickets[0].Events, b.Tickets[0].Events)
	assert.Equal(t, time.Date(2026, 7, 6, 14, 0, 0, 0, time.UTC), a.Latest)
	_, err = readExport(reply, events)
	require.ErrorContains(t, err, "p1.json:1:13: audits[0]: ticket 5: its first audit holds no Create event", "without the page that created it")
}
