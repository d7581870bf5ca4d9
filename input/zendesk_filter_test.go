package input

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// Each operator's CEL decides as Zendesk's condition does, on a ticket
// with the attribute and on one without it.
func TestZendeskConditionSemantics(t *testing.T) {
	tests := []struct {
		c         ZendeskCondition
		attrs     map[string]any
		want      bool
		wantEmpty bool // on a ticket without the attribute
	}{
		{ZendeskCondition{"type", "is", "incident"}, map[string]any{"type": "incident"}, true, false},
		{ZendeskCondition{"type", "is", "incident"}, map[string]any{"type": "question"}, false, false},
		{ZendeskCondition{"group_id", "is", "360001"}, map[string]any{"group_id": 360001}, true, false},
		{ZendeskCondition{"brand_id", "is_not", int64(9)}, map[string]any{"brand_id": 9}, false, true},
		{ZendeskCondition{"custom_fields_1", "less_than", int64(3)}, map[string]any{"custom_fields_1": 2}, true, false},
		{ZendeskCondition{"custom_fields_1", "greater_than_equal", int64(3)}, map[string]any{"custom_fields_1": 3}, true, false},
		{ZendeskCondition{"current_tags", "includes", "vip gold"}, map[string]any{"tags": []any{"gold", "x"}}, true, false},
		{ZendeskCondition{"current_tags", "includes", "vip gold"}, map[string]any{"tags": []any{"x"}}, false, false},
		{ZendeskCondition{"current_tags", "not_includes", "spam"}, map[string]any{"tags": []any{"spam"}}, false, true},
		{ZendeskCondition{"custom_fields_2", "is", true}, map[string]any{"custom_fields_2": true}, true, false},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s %s %v", tc.c.Field, tc.c.Operator, tc.c.Value), func(t *testing.T) {
			cel, why := ZendeskConditionCEL(tc.c)
			require.Empty(t, why)
			e, err := rules.Compile("c.yaml", []byte("tiers:\n  t: {name: T, response: {P1: 2h 24x7}}\nrules:\n  - {id: r, when: "+yamlString(cel)+", within: 1h}\n"))
			require.NoError(t, err)
			decide := func(attrs map[string]any) bool {
				d, err := e.Deadline(rules.Case{Tier: "t", Priority: slo.P1, Opened: time.Unix(0, 0), Attrs: attrs})
				require.NoError(t, err)
				return d.Rule == "r"
			}
			assert.Equal(t, tc.want, decide(tc.attrs), "with %v", tc.attrs)
			assert.Equal(t, tc.wantEmpty, decide(nil), "without the attribute")
		})
	}
}
