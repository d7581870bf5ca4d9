package suite

import (
	"testing"

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
