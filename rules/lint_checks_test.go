package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tiercel/tiercel/slo"
)

func TestCovers(t *testing.T) {
	tests := []struct {
		name string
		a, b []string
		want bool
	}{
		{"equal", []string{"a", "b"}, []string{"b", "a"}, true},
		{"a superset", []string{"a", "b"}, []string{"a"}, true},
		{"a subset", []string{"a"}, []string{"a", "b"}, false},
		{"nothing is covered by anything", nil, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, covers(tt.a, tt.b)) })
	}
}

func TestRulePriorities(t *testing.T) {
	assert.Equal(t, []slo.Priority{slo.P1, slo.P2, slo.P3, slo.P4}, priorities(&ruleDef{}), "none named: all four")
	assert.Equal(t, []slo.Priority{slo.P2}, priorities(&ruleDef{priorities: []slo.Priority{slo.P2}}))
}
