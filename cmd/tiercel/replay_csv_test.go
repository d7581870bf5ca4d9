package main

import "testing"

// A CSV history needs a header naming opened and priority, once each,
// and rows as long as it, with their quotes right.
func TestReadCSVErrors(t *testing.T) {
	runReplayErrors(t, []replayError{
		{"no header", "h.csv", "", nil, exitInput, []string{"%s:1:1: empty file: want a header such as opened,priority,zone,country"}},
		{"no priority column", "h.csv", "opened,zone\n", nil, exitInput, []string{"%s:1:1: header: no priority column: want a header such as opened,priority,zone,country"}},
		{"a column twice", "h.csv", "opened,priority,zone,Zone\n", nil, exitInput, []string{`%s:1:22: header: column "zone" twice`}},
		{"a column without a name", "h.csv", "opened,,priority\n", nil, exitInput, []string{"%s:1:8: header: column 2 has no name"}},
		{"a row too short", "h.csv", "opened,priority,zone\n2026-03-06T10:00:00Z,P3\n", nil, exitInput, []string{"%s:2:1: 2 fields, the header has 3"}},
		{"a bare quote", "h.csv", "opened,priority\n2026-03-06T10:00:00Z,P\"3\n", nil, exitInput, []string{`%s:2:23: bare " in non-quoted-field`}},
	})
}
