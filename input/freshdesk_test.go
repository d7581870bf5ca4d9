package input

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestImportFreshdeskDeadlines(t *testing.T) {
	im, err := LoadFreshdesk(filepath.Join("testdata", "freshdesk", "policies.json"), filepath.Join("testdata", "freshdesk", "business_hours.json"), "")
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, im.WriteCatalog(&b))
	e, err := rules.Compile("freshdesk.yaml", []byte(b.String()))
	require.NoError(t, err, b.String())
	assert.Contains(t, b.String(), `# Freshdesk SLA policy 43000088326 "Service Agent SLA Policy", position 2`)
	ny := mustZone(t, "America/New_York")
	// Friday 2026-11-27 23:30 New York: half an hour open on Friday (its
	// hours end at 11:59:59 pm), then the weekend, then Monday from 08:00.
	opened := time.Date(2026, 11, 27, 23, 30, 0, 0, ny)
	company := map[string]any{"company_id": 43000596607, "group_id": 43000190415, "source": 2, "type": "Incident", "product_id": 43000003741}
	tests := []struct {
		name string
		c    rules.Case
		due  time.Time
		rule string
	}{
		{"urgent on the default policy: 1h of business hours across the weekend",
			rules.Case{Tier: "freshdesk", Priority: slo.P1, Opened: opened}, time.Date(2026, 11, 30, 8, 30, 0, 0, ny), "tiers.freshdesk.response.P1"},
		{"high on the default policy: 4h of business hours, half an hour on Friday",
			rules.Case{Tier: "freshdesk", Priority: slo.P2, Opened: opened}, time.Date(2026, 11, 30, 11, 30, 0, 0, ny), "tiers.freshdesk.response.P2"},
		{"low on the default policy: 24h around the clock",
			rules.Case{Tier: "freshdesk", Priority: slo.P4, Opened: opened}, opened.Add(24 * time.Hour), "tiers.freshdesk.response.P4"},
		{"urgent for the company: 20 minutes of business hours, before Friday's end",
			rules.Case{Tier: "freshdesk", Priority: slo.P1, Opened: opened, Attrs: company}, opened.Add(20 * time.Minute), "freshdesk-43000088326.response.p1"},
		{"one field not listed: the default policy",
			rules.Case{Tier: "freshdesk", Priority: slo.P1, Opened: opened, Attrs: map[string]any{"company_id": 43000596607, "group_id": 1, "source": 2, "type": "Incident", "product_id": 43000003741}},
			time.Date(2026, 11, 30, 8, 30, 0, 0, ny), "tiers.freshdesk.response.P1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := e.Deadline(tc.c)
			require.NoError(t, err)
			assert.True(t, tc.due.Equal(d.Due), "due %v, want %v", d.Due, tc.due)
			assert.Equal(t, tc.rule, d.Rule)
		})
	}
}

func TestFreshdeskMalformed(t *testing.T) {
	tests := []struct {
		name, doc string
		hours     bool
		want      string
	}{
		{"a file of the wrong kind", `{"sla_policies": []}`, false,
			`f.json:1:1: must be a JSON array: Freshdesk's SLA policies (GET /api/v2/sla_policies); this file has Zendesk's SLA policies`},
		{"business hours given as policies", `[{"id": 1, "name": "D", "time_zone": "UTC", "business_hours": {}}]`, false,
			`f.json:1:2: [0]: missing "sla_target": not Freshdesk's SLA policies (GET /api/v2/sla_policies)`},
		{"target 0", `[{"id": 1, "name": "P", "sla_target": {"priority_1": {"respond_within": 0, "resolve_within": 60}}}]`, false,
			`f.json:1:73: [0].sla_target.priority_1.respond_within: must be at least 1, got 0`},
		{"unknown priority", `[{"id": 1, "name": "P", "sla_target": {"priority_5": {"respond_within": 60, "resolve_within": 60}}}]`, false,
			`f.json:1:40: [0].sla_target.priority_5: unknown key "priority_5" (want one of priority_1, priority_2, priority_3, priority_4)`},
		{"duplicate positions", `[{"id": 1, "name": "P", "position": 1, "sla_target": {}}, {"id": 2, "name": "Q", "position": 1, "sla_target": {}}]`, false,
			`f.json:1:94: [1].position: duplicate position 1: two policies would be tried in no defined order`},
		{"unknown time zone", `[{"id": 1, "name": "D", "time_zone": "Atlantis", "business_hours": {}}]`, true,
			`f.json:1:38: [0].time_zone: unknown time zone "Atlantis": neither a Rails (ActiveSupport) name such as "Eastern Time (US & Canada)" nor an IANA name`},
		{"a time of day", `[{"id": 1, "name": "D", "time_zone": "UTC", "business_hours": {"monday": {"start_time": "25:00", "end_time": "05:00 pm"}}}]`, true,
			`f.json:1:89: [0].business_hours.monday.start_time: must be a time of day such as "08:00:00 am", got "25:00"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.hours {
				_, err = ParseFreshdeskHours("f.json", []byte(tc.doc))
			} else {
				_, err = ParseFreshdeskPolicies("f.json", []byte(tc.doc))
			}
			require.ErrorIs(t, err, ErrInvalidFreshdesk)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}
