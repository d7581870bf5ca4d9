package ics

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/teambition/rrule-go"
)

func TestScanCost(t *testing.T) {
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		opt  rrule.ROption
		want int
	}{
		{"yearly to 2100", rrule.ROption{Freq: rrule.YEARLY, Until: lastDay}, 75 * 40},
		{"monthly for a year", rrule.ROption{Freq: rrule.MONTHLY, Until: from.AddDate(0, 11, 0)}, 12 * 4},
		{"weekly for a year", rrule.ROption{Freq: rrule.WEEKLY, Until: from.AddDate(0, 0, 364)}, 53 * 3},
		{"daily for a week", rrule.ROption{Freq: rrule.DAILY, Until: from.AddDate(0, 0, 6)}, 7},
		{"every other year", rrule.ROption{Freq: rrule.YEARLY, Interval: 2, Until: lastDay}, (75/2 + 1) * 40},
		{"COUNT without BY parts", rrule.ROption{Freq: rrule.DAILY, Count: 3, Until: lastDay}, 3},
		{"COUNT with a BY part scans to the end", rrule.ROption{Freq: rrule.YEARLY, Count: 3, Bymonth: []int{2}, Until: lastDay}, 75 * 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &reader{file: "x.ics"}
			opt := tt.opt
			opt.Dtstart = from
			err := r.scan(&component{line: 1}, contentLine{line: 2}, &opt)
			assert.NoError(t, err)
			assert.Equal(t, tt.want, r.scanned)
		})
	}
}
