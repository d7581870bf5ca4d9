package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// zendeskFixture reads testdata/zendesk, the documents shaped like the API
// documentation's examples, the holidays those of schedule 1.
func zendeskFixture(t testing.TB) ZendeskAccount {
	t.Helper()
	read := func(name string) (string, []byte) {
		p := filepath.Join("testdata", "zendesk", name)
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		return p, b
	}
	ps, err := ParseZendeskPolicies(read("policies.json"))
	require.NoError(t, err)
	ss, err := ParseZendeskSchedules(read("schedules.json"))
	require.NoError(t, err)
	hs, err := ParseZendeskHolidays(read("holidays.json"))
	require.NoError(t, err)
	return ZendeskAccount{Policies: ps, Schedules: ss, Holidays: map[int64][]ZendeskHoliday{1: hs}}
}

// zendeskEngine imports x and compiles the catalog written.
func zendeskEngine(t testing.TB, x ZendeskAccount) (*rules.Engine, string) {
	t.Helper()
	im, err := ImportZendesk(x, "")
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, im.WriteCatalog(&b))
	e, err := rules.Compile("zendesk.yaml", []byte(b.String()))
	require.NoError(t, err, b.String())
	return e, b.String()
}

func TestImportZendeskDeadlines(t *testing.T) {
	e, src := zendeskEngine(t, zendeskFixture(t))
	assert.Contains(t, src, `# Zendesk SLA policy 25 "VIP customers", the 1st by position`)
	assert.Contains(t, src, `# Zendesk SLA policy 36 "Incidents", the 2nd by position`)
	la, err := time.LoadLocation("America/Los_Angeles")
	require.NoError(t, err)
	// Wednesday 2026-11-25 16:00 in Los Angeles: one business hour that day,
	// Thanksgiving and the day after closed, then the weekend.
	opened := time.Date(2026, 11, 25, 16, 0, 0, 0, la)
	vip := map[string]any{"tags": []any{"vip"}, "group_id": 360001}
	tests := []struct {
		name     string
		c        rules.Case
		due      time.Time
		rule     string
		noTarget bool
	}{
		{"vip high: 2h of business hours across a holiday and a weekend",
			rules.Case{Tier: "zendesk", Priority: slo.P2, Opened: opened, Attrs: vip},
			time.Date(2026, 11, 30, 10, 0, 0, 0, la), "zendesk-25.response.2", false},
		{"vip on the Japan schedule (schedule_id 2), open Mondays 09:00-13:00 and 14:00-18:00 Tokyo time",
			rules.Case{Tier: "zendesk", Priority: slo.P2, Opened: opened, Attrs: map[string]any{"tags": []any{"vip"}, "group_id": 360001, "schedule_id": 2}},
			time.Date(2026, 11, 30, 11, 0, 0, 0, mustZone(t, "Asia/Tokyo")), "zendesk-25.response.1", false},
		{"an incident of no vip: 10 minutes around the clock",
			rules.Case{Tier: "zendesk", Priority: slo.P1, Opened: opened, Attrs: map[string]any{"type": "incident"}},
			opened.Add(10 * time.Minute), "zendesk-36.response.1", false},
		{"a vip incident, urgent: the vip policy matches first and sets none",
			rules.Case{Tier: "zendesk", Priority: slo.P1, Opened: opened, Attrs: map[string]any{"type": "incident", "tags": []any{"vip"}, "group_id": 360001}},
			time.Time{}, "", true},
		{"no policy matches", rules.Case{Tier: "zendesk", Priority: slo.P3, Opened: opened}, time.Time{}, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := e.Deadline(tc.c)
			if tc.noTarget {
				require.ErrorIs(t, err, rules.ErrNoTarget)
				return
			}
			require.NoError(t, err)
			assert.True(t, tc.due.Equal(d.Due), "due %v, want %v", d.Due, tc.due)
			assert.Equal(t, tc.rule, d.Rule)
		})
	}
}

func mustZone(t testing.TB, name string) *time.Location {
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

// A policy without a filter applies to every ticket (found by
// FuzzImportZendesk: its rules had an empty when, which did not compile).
func TestImportZendeskWithoutFilter(t *testing.T) {
	ps, err := ParseZendeskPolicies("p.json", []byte(`{"sla_policies": [{"id": 1, "title": "All", "position": 1,
  "policy_metrics": [{"priority": "low", "metric": "first_reply_time", "target": 60, "business_hours": false}]}]}`))
	require.NoError(t, err)
	assert.Equal(t, "true", ps[0].When)
	e, _ := zendeskEngine(t, ZendeskAccount{Policies: ps})
	d, err := e.Deadline(rules.Case{Tier: "zendesk", Priority: slo.P4, Opened: time.Unix(0, 0)})
	require.NoError(t, err)
	assert.Equal(t, "zendesk-1.response.1", d.Rule)
}

// tiercel lint finds nothing probably wrong in an imported catalog: the
// update metrics, whose every start also stops, say why.
func TestImportZendeskLintsClean(t *testing.T) {
	_, src := zendeskEngine(t, zendeskFixture(t))
	findings, err := rules.LintSource("zendesk.yaml", []byte(src))
	require.NoError(t, err)
	assert.Empty(t, findings)
}
