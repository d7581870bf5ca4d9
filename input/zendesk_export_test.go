package input

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Import, export, import: the same catalog, byte for byte.
func TestZendeskRoundTrip(t *testing.T) {
	_, first := zendeskEngine(t, zendeskFixture(t))
	docs, misfits, err := ExportZendesk("first.yaml", []byte(first))
	require.NoError(t, err)
	assert.Empty(t, misfits)
	ps, err := ParseZendeskPolicies("policies.json", docs.Policies)
	require.NoError(t, err, string(docs.Policies))
	ss, err := ParseZendeskSchedules("schedules.json", docs.Schedules)
	require.NoError(t, err, string(docs.Schedules))
	x := ZendeskAccount{Policies: ps, Schedules: ss, Holidays: map[int64][]ZendeskHoliday{}}
	for id, b := range docs.Holidays {
		hs, err := ParseZendeskHolidays("holidays.json", b)
		require.NoError(t, err)
		x.Holidays[id] = hs
	}
	require.Len(t, x.Holidays[1], 2, "Thanksgiving's two days are one holiday again")
	_, second := zendeskEngine(t, x)
	assert.Equal(t, first, second)
}

func TestExportZendeskMisfits(t *testing.T) {
	src := `calendars:
  office: {zone: account, hours: {mon-fri: "09:00-17:00"}}
  berlin: {zone: Europe/Berlin, hours: {mon-fri: "09:00-17:00"}, closed: ["2026-12-24", "2026-12-25"]}
tiers:
  gold: {name: Gold, response: {P1: 1h 24x7}, first_reply_time: {P1: 1h 24x7}}
  silver: {name: Silver, response: {P1: 2h 24x7}}
lifecycle:
  metrics:
    first_reply_time: {start: "event.type == 'open'", stop: "event.by == 'agent'"}
rules:
  - {id: outage, when: "'outage' in case.attrs", within: 30m}
  - {id: zendesk-5.first_reply_time.1, description: '"Japanese"', when: "case.language == 'ja'", metric: first_reply_time, within: 2h, calendar: 24x7}
  - {id: zendesk-6.first_reply_time.1, description: '"Seconds"', when: "true", metric: first_reply_time, within: 90s, calendar: 24x7}
  - {id: zendesk-7.first_reply_time.1, description: '"Berlin"', when: "true", metric: first_reply_time, within: 1h, calendar: berlin}
`
	docs, misfits, err := ExportZendesk("c.yaml", []byte(src))
	require.NoError(t, err)
	assert.Equal(t, []string{
		"calendar office: a Zendesk schedule has its own zone and dates, not the case's zone or a country's holidays",
		"rule outage: not a Zendesk policy's rule (ids zendesk-ID.METRIC.N)",
		`rule zendesk-5.first_reply_time.1: its condition "case.language == 'ja'" is not a Zendesk filter (is, is_not, less_than, greater_than, includes... over case.attrs)`,
		"rule zendesk-6.first_reply_time.1: within 90s: Zendesk's targets are whole minutes",
		"2 tiers: a Zendesk account's policies are one tier's",
		"tier gold: its first_reply_time table: Zendesk's targets are its policies' (rules)",
		"tier gold: its response table: Zendesk's targets are its policies' (rules)",
		"tier silver: its response table: Zendesk's targets are its policies' (rules)",
	}, misfits)
	assert.Contains(t, string(docs.Schedules), `"time_zone": "Berlin"`)
	assert.Contains(t, string(docs.Policies), `"title": "Berlin"`)
	assert.True(t, strings.Contains(string(docs.Holidays[1]), `"end_date": "2026-12-25"`), string(docs.Holidays[1]))

	_, _, err = ExportZendesk("bad.yaml", []byte("tiers: {}\nfoo: 1\n"))
	require.Error(t, err)
}
