package main

import (
	"flag"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/slo"
)

func TestCaseFlags(t *testing.T) {
	parse := func(t *testing.T, required bool, args ...string) *caseFlags {
		t.Helper()
		var o caseFlags
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		o.register(fs, required)
		require.NoError(t, fs.Parse(args))
		return &o
	}
	t.Run("every flag", func(t *testing.T) {
		o := parse(t, true, "--tier", "gold", "--priority", "P2", "--opened", "2026-03-02T10:00:00Z", "--now", "2026-03-02T11:00:00+01:00",
			"--zone", "Europe/Paris", "--language", "ja", "--account", "acme", "--attr", "vip=true", "--attr", "seats=12")
		c, err := o.kase(true)
		require.NoError(t, err)
		assert.Equal(t, "gold", c.Tier)
		assert.Equal(t, slo.P2, c.Priority)
		assert.True(t, c.Opened.Equal(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)))
		assert.True(t, c.Now.Equal(c.Opened))
		assert.Equal(t, "Europe/Paris", c.Zone)
		assert.Equal(t, "ja", c.Language)
		assert.Equal(t, "acme", c.Account)
		assert.Equal(t, map[string]any{"vip": true, "seats": int64(12)}, c.Attrs)
	})
	t.Run("optional when not required", func(t *testing.T) {
		c, err := parse(t, false).kase(false)
		require.NoError(t, err)
		assert.Empty(t, c.Tier)
		assert.True(t, c.Opened.IsZero())
		assert.Nil(t, c.Attrs)
	})
	t.Run("required names the first missing flag", func(t *testing.T) {
		_, err := parse(t, true, "--tier", "gold").kase(true)
		assert.EqualError(t, err, "--priority is required")
		var ue *usageError
		assert.ErrorAs(t, err, &ue)
	})
}

// A date or a local time means one instant, on the command line and in a
// case file alike: the first instant of the day, or the wall clock, in the
// case's zone (a case file read dates as midnight UTC, and refused local
// times).
func TestFlagsAndCaseFilesAgree(t *testing.T) {
	tests := []struct{ name, opened, zone, want string }{
		{"a date in Tokyo", "2026-03-06", "Asia/Tokyo", "2026-03-05T15:00:00Z"},
		{"a date whose midnight is skipped", "2026-09-06", "America/Santiago", "2026-09-06T04:00:00Z"},
		{"a local time", "2026-03-06T16:30", "Asia/Tokyo", "2026-03-06T07:30:00Z"},
		{"a local time in a gap", "2026-03-08T02:30", "America/New_York", "2026-03-08T07:30:00Z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := caseFlags{tier: "enhanced", priority: "P1", opened: tc.opened, zone: tc.zone}
			c, err := o.kase(true)
			require.NoError(t, err)
			src := fmt.Sprintf("tier: enhanced\npriority: P1\nopened: %s\nzone: %s\nnow: 2026-12-31T00:00:00Z\n", tc.opened, tc.zone)
			h, err := input.ParseCaseFile("case.yaml", []byte(src))
			require.NoError(t, err)
			assert.Equal(t, tc.want, c.Opened.UTC().Format(time.RFC3339))
			assert.True(t, c.Opened.Equal(h.Case.Opened), "flag %s, file %s", c.Opened, h.Case.Opened)
		})
	}
}
