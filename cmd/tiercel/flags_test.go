package main

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
)

// TestInstantsOutsideRFC3339Years checks that instants RFC 3339 cannot
// write (years before 0001 or after 9999) are refused on input, or when a
// derived instant (a far due, a zone's local time) reaches them, with a
// clear error instead of odd text; and that instants up to the limits print
// as RFC 3339.
func TestInstantsOutsideRFC3339Years(t *testing.T) {
	deadline := func(opened string, more ...string) []string {
		return append([]string{"deadline", "--output", "json", "--tier", "standard", "--priority", "P4", "--opened", opened}, more...)
	}
	eligibility := func(renewal, at string, more ...string) []string {
		return append([]string{"eligibility", "--output", "json", "--tier", "looker-premier", "--spend", "85000 USD",
			"--renewal", renewal, "--at", at}, more...)
	}
	kiritimati := []string{"--zone", "Pacific/Kiritimati"} // UTC+14
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string // a substring of stderr; empty when the command answers
	}{
		{"--opened in year 0", deadline("0000-06-01T10:00:00Z", kiritimati...), exitUsage,
			"tiercel deadline: --opened: 0000-06-01T10:00:00Z is outside years 0001-9999"},
		{"--opened in year 1 but year 0 in UTC", deadline("0001-01-01T00:00:00+01:00", kiritimati...), exitUsage,
			"--opened: 0001-01-01T00:00:00+01:00 is 0000-12-31T23:00:00Z in UTC, outside years 0001-9999"},
		{"--opened in year 9999 but 10000 in UTC", deadline("9999-12-31T23:00:00-05:00", kiritimati...), exitUsage,
			"--opened: 9999-12-31T23:00:00-05:00 is 10000-01-01T04:00:00Z in UTC, outside years 0001-9999"},
		{"--now in year 0", deadline("2026-03-02T10:00:00Z", "--zone", "UTC", "--now", "0000-01-01T00:00:00Z"), exitUsage,
			"--now: 0000-01-01T00:00:00Z is outside years 0001-9999"},
		{"--opened shown in year 10000 in the account's zone", deadline("9999-12-31T20:00:00Z", kiritimati...), exitLimit,
			"tiercel deadline: opened 10000-01-01T10:00:00+14:00 is outside years 0001-9999"},
		{"a far target's due past year 9999", deadline("9999-12-31T00:00:00Z", kiritimati...), exitLimit,
			"tiercel deadline: due 10000-01-03T14:00:00+14:00 is outside years 0001-9999"},
		{"a far target's due past year 9999 with --now", deadline("9999-12-31T12:00:00Z", "--zone", "UTC", "--now", "9999-12-31T13:00:00Z"), exitLimit,
			"tiercel deadline: due 10000-01-03T12:00:00Z is outside years 0001-9999"},
		{"a far target's due in year 9999", deadline("9999-12-01T10:00:00Z", kiritimati...), exitOK, ""},
		{"an early case in year 1", deadline("0001-01-02T10:00:00Z", "--zone", "UTC"), exitOK, ""},
		{"--renewal in year 10000 in UTC", eligibility("9999-12-31T23:00:00-05:00", "9999-06-01T00:00:00Z"), exitUsage,
			"--renewal: 9999-12-31T23:00:00-05:00 is 10000-01-01T04:00:00Z in UTC, outside years 0001-9999"},
		{"--renewal date in year 0 in UTC", eligibility("0001-01-01", "0001-01-01T10:00:00Z", "--zone", "Asia/Tokyo"), exitUsage,
			"--renewal: 0001-01-01T00:00:00+09:18 is 0000-12-31T14:41:01Z in UTC, outside years 0001-9999"},
		{"--at in year 0", eligibility("2026-09-01", "0000-01-01T00:00:00Z"), exitUsage,
			"--at: 0000-01-01T00:00:00Z is outside years 0001-9999"},
		{"--renewal in year 9999", eligibility("9999-12-31", "9999-06-01T00:00:00Z"), exitOK, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tc.args...)
			require.Equal(t, tc.code, code, stderr)
			if tc.want != "" {
				assert.Empty(t, stdout)
				assert.Contains(t, stderr, tc.want)
				return
			}
			assert.Empty(t, stderr)
			var out map[string]any
			require.NoError(t, json.Unmarshal([]byte(stdout), &out), stdout)
			n := 0
			for _, k := range []string{"opened", "due", "at", "effectiveAt", "priceHeldUntil"} {
				if s, ok := out[k].(string); ok {
					_, err := time.Parse(time.RFC3339, s)
					assert.NoError(t, err, "%s: %s", k, s)
					n++
				}
			}
			assert.GreaterOrEqual(t, n, 2, "the answer holds instants: %s", stdout)
		})
	}
}

func TestPrintable(t *testing.T) {
	for _, tc := range []struct {
		name string
		t    time.Time
		want string // the error; empty for none
	}{
		{"zero", time.Time{}, ""},
		{"first instant of year 1", time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC), ""},
		{"last instant of year 9999", time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), ""},
		{"year 10000", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "due 10000-01-01T00:00:00Z is outside years 0001-9999"},
		{"year -1", time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), "due -0001-01-01T00:00:00Z is outside years 0001-9999"},
		{"year 10000 in UTC only", time.Date(9999, 12, 31, 23, 0, 0, 0, time.FixedZone("", -3600)),
			"due 9999-12-31T23:00:00-01:00 is 10000-01-01T00:00:00Z in UTC, outside years 0001-9999"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := printable("due", tc.t)
			_, jerr := json.Marshal(answer.At(tc.t))
			if tc.want == "" {
				assert.NoError(t, err)
				assert.NoError(t, jerr)
				return
			}
			assert.EqualError(t, err, tc.want)
			assert.ErrorContains(t, jerr, "outside years 0001-9999")
		})
	}
}

// requireFlags names the first flag not given, in the order asked.
func TestRequireFlags(t *testing.T) {
	for _, tc := range []struct {
		name  string
		flags []flagValue
		want  string // "" for no error
	}{
		{"all given", []flagValue{{"from", "a"}, {"to", "b"}}, ""},
		{"none asked", nil, ""},
		{"the first missing", []flagValue{{"from", ""}, {"to", ""}}, "--from is required"},
		{"a later one missing", []flagValue{{"tier", "x"}, {"priority", ""}, {"opened", ""}}, "--priority is required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := requireFlags(tc.flags...)
			if tc.want == "" {
				require.NoError(t, err)
				return
			}
			require.EqualError(t, err, tc.want)
			var ue *usageError
			assert.ErrorAs(t, err, &ue, "a usage error: exit status 2")
		})
	}
}
