package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestYearOneThroughEveryDoor runs 0001-01-01T00:00:00Z, an instant like any
// other, through every command that reads instants (flags, case files, CSV
// and JSON-lines rows, contract files), and the last second of 9999 where it
// is meaningful: each gives a real answer, or a clear error where the
// answer cannot be written.
func TestYearOneThroughEveryDoor(t *testing.T) {
	dir := t.TempDir()
	file := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	kase := file("case.yaml", "tier: enhanced\npriority: P2\nopened: 0001-01-01T00:00:00Z\nnow: 0001-01-01T06:00:00Z\nevents:\n"+
		"  - {at: 0001-01-01T00:00:00Z, type: message, by: agent}\n")
	csv := file("cases.csv", "opened,priority\n0001-01-01T00:00:00Z,P1\n9999-12-31T20:00:00Z,P1\n")
	jsonl := file("cases.jsonl", `{"opened":"0001-01-01T00:00:00Z","priority":"P1"}`+"\n")
	catalog := file("now.yaml", "tiers:\n  gold:\n    name: Gold\n    response: {P1: 1h 24x7}\npermissions:\n  cases.close: \"now.getHours('UTC') >= 9\"\n")
	spends := file("spends.csv", "month,account,spend,currency\n0001-01,a,1000,USD\n0001-02,a,1000,USD\n")
	last := file("last.csv", "month,account,spend,currency\n9999-12,a,1000,USD\n")
	start := file("start.yaml", "tier: enhanced\nstart: 0001-01-01T00:00:00Z\nrenewal: 0001-01-01T00:00:00Z\n")
	tests := []struct {
		name string
		args []string
		code int
		want []string // in stdout, else stderr
	}{
		{"deadline", []string{"deadline", "--tier", "enhanced", "--priority", "P1", "--opened", "0001-01-01T00:00:00Z"}, 0,
			[]string{"opened    0001-01-01T00:00:00Z", "due       0001-01-01T01:00:00Z"}},
		{"deadline in JSON, with status", []string{"deadline", "--tier", "enhanced", "--priority", "P1", "--opened", "0001-01-01T00:00:00Z",
			"--now", "0001-01-01T00:30:00Z", "--output", "json"}, 0,
			[]string{`"opened": "0001-01-01T00:00:00Z"`, `"due": "0001-01-01T01:00:00Z"`, `"now": "0001-01-01T00:30:00Z"`, `"seconds": 1800`}},
		{"deadline in a zone east of UTC", []string{"deadline", "--tier", "enhanced", "--priority", "P1", "--opened", "0001-01-01T00:00:00Z",
			"--zone", "Asia/Tokyo"}, 0, []string{"due       0001-01-01T10:18:59+09:18"}},
		{"deadline in the last hour of 9999", []string{"deadline", "--tier", "enhanced", "--priority", "P1", "--opened", "9999-12-31T22:59:59Z"}, 0,
			[]string{"due       9999-12-31T23:59:59Z"}},
		{"a due past 9999 cannot be written", []string{"deadline", "--tier", "enhanced", "--priority", "P1", "--opened", "9999-12-31T23:30:00Z"}, 5,
			[]string{"due 10000-01-01T00:30:00Z is outside years 0001-9999"}},
		{"timeline with an event at the year 1", []string{"timeline", kase}, 0,
			[]string{"opened Mon 0001-01-01 00:00", "achieved  4h 24x7 (P2)  Mon 0001-01-01 00:00  Mon 0001-01-01 04:00  Mon 0001-01-01 00:00  0s"}},
		{"timeline in JSON", []string{"timeline", kase, "--output", "json"}, 0,
			[]string{`"opened": "0001-01-01T00:00:00Z"`, `"end": "0001-01-01T00:00:00Z"`, `"breached": false`}},
		{"replay CSV", []string{"replay", "--from", "enhanced", "--to", "premium", csv}, 0,
			[]string{"2 cases from", "(P1 opened 0001-01-01T00:00:00Z)"}},
		{"replay JSON lines", []string{"replay", "--from", "enhanced", "--to", "premium", jsonl, "--output", "json"}, 0,
			[]string{`"cases": 1`, `"opened": "0001-01-01T00:00:00Z"`}},
		{"eligibility at the year 1", []string{"eligibility", "--tier", "looker-premier", "--start", "0001-01-01T00:00:00Z",
			"--renewal", "0001-01-01T00:00:00Z", "--at", "0001-01-01T00:00:00Z", "--spend", "1000 USD"}, 0,
			[]string{"at                0001-01-01T00:00:00Z", "required          yes", "effective at      0001-01-01T00:00:00Z",
				"price held until  0001-01-01T00:00:00Z"}},
		{"eligibility in the last second of 9999", []string{"eligibility", "--tier", "looker-premier", "--renewal", "9999-12-31T23:59:59Z",
			"--at", "9999-12-31T23:59:59Z", "--spend", "1000 USD", "--output", "json"}, 0,
			[]string{`"at": "9999-12-31T23:59:59Z"`, `"effectiveAt": "9999-12-31T23:59:59Z"`, `"required": true`}},
		{"invoice from a start at the year 1", []string{"invoice", start, spends}, 0,
			[]string{"0001-01,enhanced,fee,1000.00 USD,100.00 USD", "0001-02,enhanced,fee,1000.00 USD,100.00 USD"}},
		{"invoice of 9999-12", []string{"invoice", start, last}, 0, []string{"9999-12,enhanced,fee,1000.00 USD,100.00 USD"}},
		{"a renewal at the year 1 is before a later start", []string{"invoice",
			file("renewal.yaml", "tier: enhanced\nstart: 0001-02-01\nrenewal: 0001-01-01T00:00:00Z\n"), spends}, 3,
			[]string{"the renewal 0001-01-01 is before the start 0001-02-01"}},
		{"allowed at now 10:00 on the first day", []string{"allowed", "cases.close", "--catalog", catalog, "--now", "0001-01-01T10:00:00Z"}, 0,
			[]string{"allowed"}},
		{"allowed at the first instant", []string{"allowed", "cases.close", "--catalog", catalog, "--now", "0001-01-01T00:00:00Z"}, 1,
			[]string{"denied"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tt.args...)
			assert.Equal(t, tt.code, code, "stdout:\n%s\nstderr:\n%s", stdout, stderr)
			for _, w := range tt.want {
				assert.True(t, strings.Contains(stdout, w) || strings.Contains(stderr, w), "want %q in\n%s%s", w, stdout, stderr)
			}
			assert.NotContains(t, stdout+stderr, "zero")
		})
	}
}
