package rules

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

func TestExprOffset(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		want      int
	}{
		{"first line", "ab\ncd", 1, 1, 1},
		{"second line", "ab\ncdef", 2, 3, 6},
		{"multi-byte characters count once", "éé\nx", 2, 0, 3},
		{"past the last line", "ab", 3, 0, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, exprOffset(tc.src, tc.line, tc.col))
		})
	}
	t.Run("allocates nothing", func(t *testing.T) {
		src := strings.Repeat("é == x ||\n", 100) + "y"
		assert.Zero(t, testing.AllocsPerRun(10, func() { exprOffset(src, 101, 0) }))
	})
}

// A condition written by several rules is compiled once, and each rule
// still decides by its own when.
func TestRepeatedConditionCompiledOnce(t *testing.T) {
	e, err := Compile("r.yaml", []byte(`tiers:
  t: {name: T, response: {P1: 1h 24x7, P2: 2h 24x7}}
rules:
  - {id: a, when: "'vip' in case.attrs", priorities: [P1], within: 10m}
  - {id: b, when: "'vip' in case.attrs", priorities: [P2], within: 20m}
  - {id: c, when: "'vip' in case.attrs", priorities: [P2], within: 30m, metric: response, calendar: 24x7}
`))
	require.NoError(t, err)
	require.Len(t, e.rules, 3)
	assert.Equal(t, fmt.Sprintf("%p", e.rules[0].prg), fmt.Sprintf("%p", e.rules[1].prg), "one program for one condition")
	d, err := e.Deadline(Case{Tier: "t", Priority: slo.P2, Opened: time.Unix(0, 0), Attrs: map[string]any{"vip": true}})
	require.NoError(t, err)
	assert.Equal(t, "b", d.Rule)
}
