package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/tiercel/tiercel/rules"
)

func TestQuantileText(t *testing.T) {
	tests := []struct {
		name string
		s    rules.ShiftStats
		sign time.Duration
		want string
	}{
		{"none", rules.ShiftStats{}, 1, "-"},
		{"later", rules.ShiftStats{Count: 3, P10: time.Hour, Median: 2 * time.Hour, P90: 5 * time.Hour}, 1, "+1h/+2h/+5h"},
		{"earlier", rules.ShiftStats{Count: 1, P10: 30 * time.Minute, Median: 30 * time.Minute, P90: 30 * time.Minute}, -1, "-30m/-30m/-30m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, quantileText(tt.s, tt.sign))
		})
	}
	assert.Equal(t, "history", histories(1))
	assert.Equal(t, "histories", histories(0))
}
