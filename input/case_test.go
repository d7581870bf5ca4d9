package input

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseCase(t *testing.T) {
	c, err := ParseCase("body", []byte(`{"tier":"gold","priority":"P1","opened":"2026-03-02","zone":"Asia/Tokyo"}`))
	require.NoError(t, err)
	assert.Equal(t, time.Date(2026, 3, 2, 0, 0, 0, 0, time.FixedZone("", 9*3600)).Unix(), c.Opened.Unix(), "a date is its first instant in the case's zone")
	assert.Nil(t, c.Now, "no now: decided at the opening")

	c, err = ParseCase("body", []byte("tier: gold\npriority: P1\nopened: 2026-03-02T09:00:00Z\nnow: 2026-03-03T09:00:00Z\n"))
	require.NoError(t, err)
	assert.Equal(t, 3, c.Now.Day())

	tests := []struct{ name, src, want string }{
		{"events", `{"tier":"gold","priority":"P1","opened":"2026-03-02","events":[]}`, "events"},
		{"missing opened", `{"tier":"gold","priority":"P1"}`, "opened"},
		{"bad priority", `{"tier":"gold","priority":"P9","opened":"2026-03-02"}`, "body:1:"},
		{"not a mapping", `[1]`, "mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCase("body", []byte(tt.src))
			require.ErrorIs(t, err, ErrInvalidCaseFile)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}
