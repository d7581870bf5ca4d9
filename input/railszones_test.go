package input

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

func TestRailsZonesLoad(t *testing.T) {
	require.Len(t, railsZones, 151, "the complete ActiveSupport table")
	for _, z := range railsZones {
		_, err := slo.LoadZone(z[1])
		assert.NoError(t, err, "%s => %s", z[0], z[1])
	}
}

func TestRailsZone(t *testing.T) {
	tests := []struct{ name, iana string }{
		{"Eastern Time (US & Canada)", "America/New_York"},
		{"Pacific Time (US & Canada)", "America/Los_Angeles"},
		{"Tokyo", "Asia/Tokyo"},
		{"London", "Europe/London"},
		{"Europe/Berlin", "Europe/Berlin"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := RailsZone(tc.name)
			require.True(t, ok)
			assert.Equal(t, tc.iana, got)
		})
	}
	for _, bad := range []string{"Mars/Olympus", "Local", "", "eastern time (us & canada)"} {
		_, ok := RailsZone(bad)
		assert.False(t, ok, bad)
	}
	assert.Equal(t, "Edinburgh", RailsName("Europe/London"))
	assert.Equal(t, "Europe/Oslo", RailsName("Europe/Oslo"))
}
