package suite

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/entitlement"
)

func TestAllowedRows(t *testing.T) {
	got := entitlement.Decision{Action: "cases.create", Allowed: true, Rule: "permissions.cases.create"}
	checkRows(t, allowedRows, got, []rowsTest{
		{"all match", "{allowed: true, rule: permissions.cases.create}", nil},
		{"both differ", "{rule: other, allowed: false}", []Mismatch{
			{Field: "allowed", Want: "false", Got: "true"},
			{Field: "rule", Want: "other", Got: "permissions.cases.create"},
		}},
	})
}

func TestAllowedQuestion(t *testing.T) {
	checkQuestions(t, []questionTest{
		{"an editor creates cases", "allowed: {action: cases.create, principal: {id: 'user:ana@example.com', " +
			"roles: [roles/cloudsupport.techSupportEditor]}}\n    expect: {allowed: true, rule: permissions.cases.create}", nil},
		{"a viewer does not", "allowed: {action: cases.create, principal: {roles: [roles/cloudsupport.techSupportViewer]}, " +
			"case: {tier: enhanced, priority: P1, opened: 2026-03-02}}\n    expect: {allowed: true}",
			[]Mismatch{{Field: "allowed", Want: "true", Got: "false"}}},
	})
}

func TestAllowedInputNow(t *testing.T) {
	now := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	read := func(p *parser, f field) (allowedInput, bool) {
		fields, _ := p.question(f, []string{"action", "principal", "case"}, "action")
		return readAllowed(p, f, fields, &now)
	}
	tests := []struct {
		name, src string
		want      time.Time
	}{
		{"no case: the test's now", "v: {action: cases.create}", now},
		{"a case without now: the test's now", "v: {action: cases.create, case: {tier: enhanced}}", now},
		{"the case's own now wins", "v: {action: cases.create, case: {now: 2026-03-03}}", time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, ok, msg := readValue(t, tt.src, read)
			require.True(t, ok, msg)
			require.NotNil(t, in.kase.Now)
			assert.Equal(t, tt.want, *in.kase.Now)
		})
	}
}
