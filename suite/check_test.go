package suite

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/tiercel/tiercel/slo"
)

func TestChecks(t *testing.T) {
	utc := time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)
	est := time.FixedZone("EST", -5*3600)
	tests := []struct {
		name string
		do   func(c checks) checks
		want []Mismatch
	}{
		{"eq equal", func(c checks) checks { return c.eq("rule", "a", "a") }, nil},
		{"eq differs", func(c checks) checks { return c.eq("rule", "a", "b") }, []Mismatch{{Field: "rule", Want: "a", Got: "b"}}},
		{"instant same instant in another zone", func(c checks) checks { return c.instant("due", utc.In(est), utc) }, nil},
		{"instant differs, got in want's offset", func(c checks) checks { return c.instant("due", utc.In(est), utc.Add(time.Hour)) },
			[]Mismatch{{Field: "due", Want: "2026-03-02T10:00:00-05:00", Got: "2026-03-02T11:00:00-05:00"}}},
		{"instant expected none", func(c checks) checks { return c.maybeInstant("effectiveAt", maybeAt{}, maybeAt{utc, true}) },
			[]Mismatch{{Field: "effectiveAt", Want: "none", Got: "2026-03-02T15:00:00Z"}}},
		{"instant got none", func(c checks) checks { return c.maybeInstant("effectiveAt", maybeAt{utc, true}, maybeAt{}) },
			[]Mismatch{{Field: "effectiveAt", Want: "2026-03-02T15:00:00Z", Got: "none"}}},
		{"none and none", func(c checks) checks { return c.maybeInstant("end", maybeAt{}, maybeAt{}) }, nil},
		{"the year 1 is not none", func(c checks) checks { return c.maybeInstant("end", maybeAt{}, maybeAt{time.Time{}, true}) },
			[]Mismatch{{Field: "end", Want: "none", Got: "0001-01-01T00:00:00Z"}}},
		{"the year 1 expected", func(c checks) checks { return c.instant("due", time.Time{}, utc) },
			[]Mismatch{{Field: "due", Want: "0001-01-01T00:00:00Z", Got: "2026-03-02T15:00:00Z"}}},
		{"list equal", func(c checks) checks { return c.list("targets", []string{"a", "b"}, []string{"a", "b"}) }, nil},
		{"list order matters", func(c checks) checks { return c.list("targets", []string{"a", "b"}, []string{"b", "a"}) },
			[]Mismatch{{Field: "targets", Want: "[a, b]", Got: "[b, a]"}}},
		{"list nil and empty are equal", func(c checks) checks { return c.list("targets", nil, []string{}) }, nil},
		{"set ignores order", func(c checks) checks { return c.set("languages", []string{"ja", "en"}, []string{"en", "ja"}) }, nil},
		{"set reports sorted", func(c checks) checks { return c.set("languages", []string{"ja", "en"}, []string{"fr"}) },
			[]Mismatch{{Field: "languages", Want: "[en, ja]", Got: "[fr]"}}},
		{"mismatches accumulate in order", func(c checks) checks { return c.eq("a", "1", "2").eq("b", "x", "x").eq("c", "3", "4") },
			[]Mismatch{{Field: "a", Want: "1", Got: "2"}, {Field: "c", Want: "3", Got: "4"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, []Mismatch(tt.do(nil)))
		})
	}
}

func TestFormatInstantAndFormatLike(t *testing.T) {
	instant := time.Date(2026, 3, 2, 15, 30, 0, 500, time.UTC)
	tokyo := time.FixedZone("JST", 9*3600)
	tests := []struct {
		name       string
		got, want  time.Time
		inst, like string
	}{
		{"utc", instant, instant, "2026-03-02T15:30:00.0000005Z", "2026-03-02T15:30:00.0000005Z"},
		{"want has an offset", instant, instant.In(tokyo), "2026-03-02T15:30:00.0000005Z", "2026-03-03T00:30:00.0000005+09:00"},
		{"got in a zone, want in utc", instant.In(tokyo), instant, "2026-03-03T00:30:00.0000005+09:00", "2026-03-02T15:30:00.0000005Z"},
		{"the year 1", time.Time{}, instant, "0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.inst, formatInstant(tt.got))
			assert.Equal(t, tt.like, formatLike(tt.got, tt.want))
		})
	}
}

func TestTargetString(t *testing.T) {
	tests := []struct {
		in   slo.Target
		want string
	}{
		{slo.Target{}, "none"},
		{slo.Target{Within: time.Hour, Calendar: "24x7"}, "1h 24x7"},
		{slo.Target{Within: 90 * time.Minute, Calendar: "business"}, "1h30m business"},
		{slo.Target{Calendar: "business"}, "0s business"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, targetString(tt.in))
		})
	}
}
