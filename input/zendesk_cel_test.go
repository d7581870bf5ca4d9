package input

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every condition read back from its CEL is the condition (a string of
// digits comes back as the number it is compared as).
func TestConditionOfCEL(t *testing.T) {
	tests := []struct {
		name string
		in   ZendeskCondition
		want any
	}{
		{"is a string", ZendeskCondition{"type", "is", "incident"}, "incident"},
		{"is a digit string", ZendeskCondition{"group_id", "is", "0042"}, int64(42)},
		{"is_not a number", ZendeskCondition{"brand_id", "is_not", int64(9)}, int64(9)},
		{"quotes and backslashes", ZendeskCondition{"custom_fields_1", "is", `it's a \ "test"` + "\n"}, `it's a \ "test"` + "\n"},
		{"a boolean", ZendeskCondition{"custom_fields_2", "is", true}, true},
		{"less than a float", ZendeskCondition{"custom_fields_3", "less_than", 2.5}, 2.5},
		{"greater than or equal", ZendeskCondition{"custom_fields_3", "greater_than_equal", int64(3)}, int64(3)},
		{"tags include", ZendeskCondition{"current_tags", "includes", "vip  gold"}, "vip gold"},
		{"tags exclude", ZendeskCondition{"current_tags", "not_includes", "spam"}, "spam"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cel, why := ZendeskConditionCEL(tc.in)
			require.Empty(t, why)
			got, ok := conditionOfCEL(cel)
			require.True(t, ok, cel)
			assert.Equal(t, tc.in.Field, got.Field)
			assert.Equal(t, tc.in.Operator, got.Operator)
			assert.Equal(t, tc.want, got.Value)
		})
	}
}

func TestFilterOfCEL(t *testing.T) {
	a, _ := ZendeskConditionCEL(ZendeskCondition{"type", "is", "a && b || (c)"})
	b, _ := ZendeskConditionCEL(ZendeskCondition{"group_id", "is", int64(1)})
	c, _ := ZendeskConditionCEL(ZendeskCondition{"brand_id", "is_not", int64(2)})
	all, anyOf, ok := filterOfCEL(zendeskWhen([]string{a}, []string{b, c}))
	require.True(t, ok)
	require.Len(t, all, 1)
	assert.Equal(t, "a && b || (c)", all[0].Value)
	require.Len(t, anyOf, 2)
	assert.Equal(t, "is_not", anyOf[1].Operator)
	for _, bad := range []string{"case.language == 'ja'", "('x' in case.attrs && case.attrs['x'].size() > 1)", "(a) && (b"} {
		_, _, ok := filterOfCEL(bad)
		assert.False(t, ok, bad)
	}
}
