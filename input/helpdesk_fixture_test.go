package input

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/golden"
)

// variedZendesk is a policies document of n policies whose filters use
// every operator on ids, types, tags and a custom field, with targets of
// two metrics on some priorities: conditions of few shapes and many
// values, as a real account's are.
func variedZendesk(n int) []byte {
	rng := rand.New(rand.NewPCG(19, 3))
	cond := func() string {
		switch rng.IntN(7) {
		case 0:
			return fmt.Sprintf(`{"field": "type", "operator": %q, "value": %q}`, []string{"is", "is_not"}[rng.IntN(2)], []string{"incident", "problem", "question", "task"}[rng.IntN(4)])
		case 1:
			return fmt.Sprintf(`{"field": "group_id", "operator": %q, "value": %d}`, []string{"is", "is_not"}[rng.IntN(2)], 360000+rng.IntN(6))
		case 2:
			return fmt.Sprintf(`{"field": "organization_id", "operator": "is", "value": "%d"}`, 1000+rng.IntN(20))
		case 3:
			return fmt.Sprintf(`{"field": "via_id", "operator": %q, "value": %d}`, zendeskOperators[2+rng.IntN(4)], rng.IntN(50))
		case 4, 5:
			tags := []string{"vip", "gold", "beta", "eu", "legal"}
			rng.Shuffle(len(tags), func(i, j int) { tags[i], tags[j] = tags[j], tags[i] })
			return fmt.Sprintf(`{"field": "current_tags", "operator": %q, "value": %q}`, []string{"includes", "not_includes"}[rng.IntN(2)], strings.Join(tags[:1+rng.IntN(3)], " "))
		default:
			return fmt.Sprintf(`{"field": "custom_fields_360001", "operator": "is", "value": %q}`, []string{"hardware", "software", "billing"}[rng.IntN(3)])
		}
	}
	conds := func(k int) string {
		cs := make([]string, k)
		for i := range cs {
			cs[i] = cond()
		}
		return strings.Join(cs, ", ")
	}
	var b strings.Builder
	b.WriteString(`{"sla_policies": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"id": %d, "title": "Policy %d", "position": %d, "filter": {"all": [%s], "any": [%s]}, "policy_metrics": [`, i+1, i+1, i+1, conds(1+rng.IntN(2)), conds(rng.IntN(3)))
		var ts []string
		for _, m := range []string{"first_reply_time", "requester_wait_time"} {
			for _, p := range []string{"urgent", "high", "normal", "low"} {
				if rng.IntN(3) > 0 {
					ts = append(ts, fmt.Sprintf(`{"priority": %q, "metric": %q, "target": %d, "business_hours": %t}`, p, m, 15*(1+rng.IntN(8)), rng.IntN(2) == 0))
				}
			}
		}
		b.WriteString(strings.Join(ts, ", ") + "]}")
	}
	b.WriteString("]}")
	return []byte(b.String())
}

const variedSchedules = `{"schedules": [{"id": 1, "name": "S", "time_zone": "Eastern Time (US & Canada)", "intervals": [{"start_time": 1980, "end_time": 2460}]}, {"id": 2, "name": "T", "time_zone": "Tokyo", "intervals": [{"start_time": 1980, "end_time": 2460}]}]}`

// rules/testdata/imported-zendesk.yaml is the import of variedZendesk(60):
// rules compares its decisions made from conditions' shapes with those
// made from their text (go test -update rewrites it after the import
// changes).
func TestImportedZendeskFixture(t *testing.T) {
	ps, err := ParseZendeskPolicies("p.json", variedZendesk(60))
	require.NoError(t, err)
	ss, err := ParseZendeskSchedules("s.json", []byte(variedSchedules))
	require.NoError(t, err)
	im, err := ImportZendesk(ZendeskAccount{Policies: ps, Schedules: ss}, "")
	require.NoError(t, err)
	var out strings.Builder
	require.NoError(t, im.WriteCatalog(&out))
	golden.Check(t, "../rules/testdata/imported-zendesk.yaml", out.String())
}
