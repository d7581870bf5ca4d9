package input

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// policy is a policies document of one policy with the metrics and filter
// given.
func policy(metrics, filter string) string {
	return `{"sla_policies": [{"id": 7, "title": "T", "position": 1,
  "filter": ` + filter + `,
  "policy_metrics": [` + metrics + `]}]}`
}

func TestZendeskMalformed(t *testing.T) {
	const noFilter = `{"all": [], "any": []}`
	tests := []struct {
		name, doc string
		parse     func(string, []byte) error
		want      string
	}{
		{"unknown metric", policy(`{"priority": "low", "metric": "first_response", "target": 5, "business_hours": false}`, noFilter), parsePolicies,
			`p.json:3:52: sla_policies[0].policy_metrics[0].metric: unknown metric "first_response" (known: first_reply_time, next_reply_time, periodic_update_time, pausable_update_time, requester_wait_time, agent_work_time, total_resolution_time, group_ownership_time)`},
		{"unknown priority", policy(`{"priority": "p1", "metric": "first_reply_time", "target": 5, "business_hours": false}`, noFilter), parsePolicies,
			`p.json:3:35: sla_policies[0].policy_metrics[0].priority: unknown value "p1" (known: urgent, high, normal, low)`},
		{"target 0", policy(`{"priority": "low", "metric": "first_reply_time", "target": 0, "business_hours": false}`, noFilter), parsePolicies,
			`p.json:3:82: sla_policies[0].policy_metrics[0].target: must be at least 1, got 0`},
		{"negative target", policy(`{"priority": "low", "metric": "first_reply_time", "target": -30, "business_hours": false}`, noFilter), parsePolicies,
			`p.json:3:82: sla_policies[0].policy_metrics[0].target: must be at least 1, got -30`},
		{"duplicate positions", `{"sla_policies": [
  {"id": 1, "title": "A", "position": 2, "policy_metrics": []},
  {"id": 2, "title": "B", "position": 2, "policy_metrics": []}]}`, parsePolicies,
			`p.json:3:39: sla_policies[1].position: duplicate position 2: two policies would be tried in no defined order`},
		{"untranslatable operator", policy(`{"priority": "low", "metric": "first_reply_time", "target": 5, "business_hours": false}`,
			`{"all": [{"field": "created_at", "operator": "within_previous_n_days", "value": "3"}]}`), parsePolicies,
			`p.json:2:58: sla_policies[0].filter.all[0].operator: cannot translate the operator "within_previous_n_days" (known: is, is_not, less_than, greater_than, less_than_equal, greater_than_equal, includes, not_includes)`},
		{"untranslatable value", policy(`{"priority": "low", "metric": "first_reply_time", "target": 5, "business_hours": false}`,
			`{"any": [{"field": "type", "operator": "less_than", "value": "incident"}]}`), parsePolicies,
			`p.json:2:74: sla_policies[0].filter.any[0].value: cannot translate type less_than 'incident': an order needs a number`},
		{"a list value", policy(`{"priority": "low", "metric": "first_reply_time", "target": 5, "business_hours": false}`,
			`{"all": [{"field": "group_id", "operator": "is", "value": [1, 2]}]}`), parsePolicies,
			`p.json:2:71: sla_policies[0].filter.all[0].value: cannot translate a value that is a list: want a string, a number or a boolean`},
		{"a file of the wrong kind", `{"schedules": []}`, parsePolicies,
			`p.json:1:1: missing "sla_policies": not Zendesk's SLA policies (GET /api/v2/slas/policies); this file has Zendesk's schedules`},
		{"not JSON of an object", `[1]`, parsePolicies,
			`p.json:1:1: must be a JSON object with "sla_policies": Zendesk's SLA policies (GET /api/v2/slas/policies)`},
		{"unknown time zone", `{"schedules": [{"id": 1, "name": "S", "time_zone": "Mars Time", "intervals": []}]}`, parseSchedules,
			`p.json:1:52: schedules[0].time_zone: unknown time zone "Mars Time": neither a Rails (ActiveSupport) name such as "Eastern Time (US & Canada)" nor an IANA name`},
		{"overlapping intervals", `{"schedules": [{"id": 1, "name": "S", "time_zone": "UTC", "intervals": [
  {"start_time": 1980, "end_time": 2460},
  {"start_time": 2400, "end_time": 2500}]}]}`, parseSchedules,
			`p.json:3:3: schedules[0].intervals[1]: the interval Mon 16:00-17:40 (2400-2500) overlaps Mon 09:00-17:00 (1980-2460)`},
		{"interval spanning days", `{"schedules": [{"id": 1, "name": "S", "time_zone": "UTC", "intervals": [
  {"start_time": 2400, "end_time": 2940}]}]}`, parseSchedules,
			`p.json:2:3: schedules[0].intervals[0]: the interval Mon 16:00-25:00 (2400-2940) spans days: Zendesk's intervals end on the day they start`},
		{"interval past the week", `{"schedules": [{"id": 1, "name": "S", "time_zone": "UTC", "intervals": [
  {"start_time": 10000, "end_time": 10090}]}]}`, parseSchedules,
			`p.json:2:37: schedules[0].intervals[0].end_time: 10090 is past the week's end, 10080 minutes from Sunday 00:00`},
		{"holiday ending before it starts", `{"holidays": [{"name": "H", "start_date": "2026-12-25", "end_date": "2026-12-24"}]}`, parseHolidays,
			`p.json:1:15: holidays[0]: end_date 2026-12-24 is before start_date 2026-12-25`},
		{"holiday date", `{"holidays": [{"name": "H", "start_date": "25/12/2026", "end_date": "2026-12-24"}]}`, parseHolidays,
			`p.json:1:43: holidays[0].start_date: must be a date YYYY-MM-DD, got "25/12/2026"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.parse("p.json", []byte(tc.doc))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidZendesk)
			assert.ErrorIs(t, err, ErrInvalidFile)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

func parsePolicies(n string, b []byte) error {
	_, err := ParseZendeskPolicies(n, b)
	return err
}

func parseSchedules(n string, b []byte) error {
	_, err := ParseZendeskSchedules(n, b)
	return err
}

func parseHolidays(n string, b []byte) error {
	_, err := ParseZendeskHolidays(n, b)
	return err
}

func TestImportZendeskMissingSchedule(t *testing.T) {
	ps, err := ParseZendeskPolicies("p.json", []byte(policy(`{"priority": "low", "metric": "first_reply_time", "target": 5, "business_hours": true}`, `{}`)))
	require.NoError(t, err)
	_, err = ImportZendesk(ZendeskAccount{Policies: ps}, "")
	require.ErrorIs(t, err, ErrInvalidZendesk)
	assert.Equal(t, "p.json:3:22: sla_policies[0].policy_metrics[0]: missing schedule: a business-hours target needs the schedules document to have one", err.Error())

	_, err = ImportZendesk(ZendeskAccount{Policies: ps, Holidays: map[int64][]ZendeskHoliday{9: nil}}, "")
	var list ErrorList
	require.True(t, errors.As(err, &list))
	assert.Contains(t, err.Error(), "holidays of schedule 9, which the schedules document does not have")
}
