package main

import "testing"

// Each line of a JSON lines history is one object of known fields, its
// attributes plain values; an error points at the offending key or character.
func TestReadJSONLErrors(t *testing.T) {
	runReplayErrors(t, []replayError{
		{"JSON syntax", "h.jsonl", `{"opened": "2026-03-06T10:00:00Z", "priority": P3}`, nil, exitInput, []string{"%s:1:48: invalid character 'P' looking for beginning of value"}},
		{"JSON unknown field", "h.jsonl", "\n" + `{"opened": "2026-03-06T10:00:00Z", "priority": "P3", "tier": "x"}`, nil, exitInput, []string{`%s:2:54: unknown field "tier"`}},
		{"JSON wrong type", "h.jsonl", `{"opened": 2026, "priority": "P3"}`, nil, exitInput, []string{"%s:1:2: cannot unmarshal number into Go struct field jsonRow.opened of type string"}},
		{"JSON two values on a line", "h.jsonl", `{"opened": "2026-03-06T10:00:00Z", "priority": "P3"} {}`, nil, exitInput, []string{"%s:1:54: more than one value on the line"}},
		{"JSON nested attribute", "h.jsonl", `{"opened": "2026-03-06T10:00:00Z", "priority": "P3", "attrs": {"plan": {"x": 1}}}`, nil, exitInput,
			[]string{"%s:1:64: attrs.plan: want a string, number or boolean, got an object"}},
		{"JSON null attribute", "h.jsonl", `{"opened": "2026-03-06T10:00:00Z", "priority": "P3", "attrs": {"a": 1, "b": null}}`, nil, exitInput,
			[]string{"%s:1:72: attrs.b: want a string, number or boolean, got null"}},
		{"JSON number out of range", "h.jsonl", `{"opened": "2026-03-06T10:00:00Z", "priority": "P3", "attrs": {"n": 1e400}}`, nil, exitInput,
			[]string{"%s:1:64: attrs.n: number 1e400 is out of range"}},
		{"JSON bad priority", "h.jsonl", `{"opened": "2026-03-06T10:00:00Z", "priority": "urgent"}`, nil, exitInput,
			[]string{`%s:1:36: priority: invalid priority "urgent": want one of P1, P2, P3, P4`}},
	})
}
